package io.groutines.weaving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.groutines.weaving.sample.Greeter;

/**
 * A class the weaver fails on, in a JVM with the agent (same setup as {@link WovenCallsIT}): one warning naming it,
 * no {@code ajcore.*.txt} file, and the weaver goes on weaving the classes after it.
 */
class WeaverFailureIT {

    /** Defines classes by name, so that the weaver is handed whatever bytes the test likes. */
    static final class Definer extends ClassLoader {
        Definer() {
            super(WeaverFailureIT.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Test
    void aClassTheWeaverCannotReadIsOneWarningAndNoDumpFile() throws IOException {
        CapturedLog log = CapturedLog.attach();
        try {
            byte[] greeter;
            try (InputStream in = Greeter.class.getResourceAsStream("sample/Greeter.class".substring(7))) {
                greeter = in.readAllBytes();
            }
            byte[] truncated = Arrays.copyOf(greeter, greeter.length / 2);
            Definer definer = new Definer();
            // the JVM refuses the bytes itself; the weaver, which read them first, only warns
            assertThatThrownBy(() -> definer.define("io.groutines.weaving.sample.Broken", truncated))
                    .isInstanceOf(ClassFormatError.class);
            assertThatThrownBy(() -> definer.define("io.groutines.weaving.sample.Broken", truncated))
                    .isInstanceOf(ClassFormatError.class);
        }
        finally {
            log.close();
        }
        assertThat(log.lines()).singleElement().asString()
                .startsWith("WARNING The weaver could not weave io.groutines.weaving.sample.Broken");
        try (Stream<Path> files = Files.list(Path.of("."))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("ajcore"));
        }
        // a target on it is told why: the warning's cause is kept
        assertThat(WeaverMessages.failure("io.groutines.weaving.sample.Broken")).hasValueSatisfying(cause ->
                assertThat(log.lines().get(0)).endsWith("its calls reach no groutine (" + cause + ")"));
        // and the weaver goes on
        assertThat(Weaving.status(io.groutines.weaving.sample.Ranked.class)).isEqualTo(Weaving.Status.WOVEN);
    }
}
