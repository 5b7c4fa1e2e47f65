package io.groutines.weaving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which command lines let {@link WeaveAhead} weave ahead (none where an agent before the groutines agent may change the
 * application's classes; run where {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} name no agent), and its
 * claims under a race: the thread weaving ahead against a loading thread, round after round.
 */
class WeaveAheadTest {

    @TempDir
    Path dir;

    /**
     * 100 000 rounds, each a new weaver's head start racing a thread that loads the same classes: every class is woven
     * exactly once — ahead and then taken, or by the loading thread —, never twice, never lost.
     */
    @Test
    void aClassIsWovenOnceWhoeverClaimsItFirst() throws Exception {
        String[] names = { "p.A", "p.B", "p.C" };
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8));
            }
        };
        WeaveCache cache = WeaveCache.open(this.dir, new byte[] { 1 });
        for (int round = 0; round < 100_000; round++) {
            AtomicIntegerArray ahead = new AtomicIntegerArray(names.length);
            WeaveAhead weaveAhead = new WeaveAhead(name -> true, cache);
            weaveAhead.beginNow(loader, null, l -> List.of(names), (l, name, domain, bytes) -> {
                ahead.incrementAndGet(List.of(names).indexOf(name));
                return new WeaveCache.Entry(bytes, List.of());
            });
            for (int i = round % names.length, n = 0; n < names.length; i = (i + 1) % names.length, n++) {
                byte[] bytes = (names[i].replace('.', '/') + ".class").getBytes(StandardCharsets.UTF_8);
                WeaveCache.Entry taken = weaveAhead.take(names[i], loader, bytes);
                int wovenHere = taken == null ? 1 : 0; // the loading thread weaves what it is not handed
                // once taken or claimed here, the class is never woven ahead again: the count is final
                assertThat(ahead.get(i) + wovenHere).as("round %d, %s", round, names[i]).isEqualTo(1);
                if (taken != null) {
                    assertThat(taken.woven()).isEqualTo(bytes);
                }
            }
        }
    }

    private static final Predicate<String> GROUTINES = jar -> jar.endsWith("groutines-runtime-1.0-agent.jar");

    private static boolean first(String... arguments) {
        return WeaveAhead.firstAgent(arguments, GROUTINES);
    }

    @Test
    void theGroutinesAgentFirstOrAlone() {
        assertThat(first("-javaagent:lib/groutines-runtime-1.0-agent.jar", "-jar", "app.jar")).isTrue();
        assertThat(first("-Xmx1g", "-javaagent:lib/groutines-runtime-1.0-agent.jar=com.example..*", "-cp", "classes",
                "com.example.Main")).isTrue();
        assertThat(first("-javaagent:lib/groutines-runtime-1.0-agent.jar", "-javaagent:jacocoagent.jar", "-jar", "app.jar"))
                .as("agents after it see what it wove").isTrue();
    }

    @Test
    void anotherAgentFirst() {
        assertThat(first("-javaagent:jacocoagent.jar=destfile=x", "-javaagent:lib/groutines-runtime-1.0-agent.jar",
                "-jar", "app.jar")).isFalse();
        assertThat(first("-agentpath:/opt/profiler/libagent.so", "-javaagent:lib/groutines-runtime-1.0-agent.jar",
                "-jar", "app.jar")).isFalse();
    }

    @Test
    void theDebuggerIsNoAgentThatChangesClasses() {
        assertThat(first("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n",
                "-javaagent:lib/groutines-runtime-1.0-agent.jar", "-cp", "classes", "com.example.Main")).isTrue();
    }

    @Test
    void attachedToAJvmWithoutAgents() {
        assertThat(first("-Xmx1g", "-jar", "app.jar")).isTrue();
        assertThat(first("-javaagent:jacocoagent.jar", "-jar", "app.jar")).isFalse();
    }

    @Test
    void anUnknownCommandLineWeavesNothingAhead() {
        assertThat(WeaveAhead.firstAgent(null, GROUTINES)).isFalse();
    }
}
