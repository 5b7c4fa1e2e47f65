package io.groutines.weaving;

import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which command lines let {@link WeaveAhead} weave ahead: none where an agent before the groutines agent may change the
 * application's classes. (Run where {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} name no agent.)
 */
class WeaveAheadTest {

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
