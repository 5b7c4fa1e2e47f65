package io.groutines.weaving;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the agent reads of a launch before any configuration file, in Spring Boot's order. */
class LaunchPropertiesTest {

    @Test
    void commandLineArgumentsAsSpringBootReadsThem() {
        LaunchProperties launch = new LaunchProperties(List.of("--server.port=0", "--groutines.enabled=true",
                "--groutines.active=a, B ,", "--groutines.enabled=off"));
        assertThat(launch.getBoolean("groutines.enabled")).contains(false); // the last one wins
        assertThat(launch.getList("groutines.active")).contains(List.of("a", "B"));
    }

    @Test
    void booleansSpringBootWouldNotReadAreNotGuessed() {
        LaunchProperties launch = new LaunchProperties(List.of("--groutines.enabled=maybe"));
        assertThat(launch.getBoolean("groutines.enabled")).isEmpty();
    }

    @Test
    void thenSystemProperties() {
        String name = "groutines.launch-properties-test";
        System.setProperty(name, "no");
        try {
            assertThat(new LaunchProperties(List.of("--other=1")).getBoolean(name)).contains(false);
            assertThat(new LaunchProperties(List.of("--" + name + "=yes")).getBoolean(name)).contains(true);
        }
        finally {
            System.clearProperty(name);
        }
    }

    @Test
    void nothingGivenIsNothingDecided() {
        assertThat(new LaunchProperties(List.of()).get("groutines.launch-properties-unset")).isEqualTo(Optional.empty());
    }
}
