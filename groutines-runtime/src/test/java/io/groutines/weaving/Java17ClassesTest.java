package io.groutines.weaving;

import io.groutines.RequiredJdk;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes a JVM older than groutines need may load — the agent's entry point and the JDK check — are class files
 * of Java 17 (major version 61), so that such a JVM runs an application with groutines in it, without them; the rest
 * of the runtime is Java 25's. A build that compiled them for 25 fails here.
 */
class Java17ClassesTest {

    static final int JAVA_17 = 61;

    @Test
    void theAgentsEntryPointAndTheJdkCheckAreJava17ClassFiles() throws IOException {
        assertThat(majorVersion(AgentEntry.class)).isEqualTo(JAVA_17);
        assertThat(majorVersion(RequiredJdk.class)).isEqualTo(JAVA_17);
        assertThat(majorVersion(Agent.class)).as("the rest of the runtime").isEqualTo(44 + RequiredJdk.FEATURE);
    }

    @Test
    void onThisJdkTheCheckLetsGroutinesRun() {
        assertThat(RequiredJdk.running()).isEqualTo(Runtime.version().feature());
        assertThat(RequiredJdk.isMet()).isTrue();
    }

    static int majorVersion(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
