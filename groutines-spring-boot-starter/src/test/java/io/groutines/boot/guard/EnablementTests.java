package io.groutines.boot.guard;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code groutines.enabled} is read as Spring Boot binds a boolean, with the value kept as given. */
class EnablementTests {

    @Test
    void theWordsSpringBootReadsAsABoolean() {
        for (String on : new String[] { "true", "on", "yes", "1", "TRUE", "On", " yes " }) {
            assertThat(Enablement.deduce(environment(on))).as(on).isEqualTo(new Enablement(true, on));
        }
        for (String off : new String[] { "false", "off", "no", "0", "OFF", "" }) {
            assertThat(Enablement.deduce(environment(off)).enabled()).as(off).isFalse();
        }
        assertThat(Enablement.deduce(new StandardEnvironment())).isEqualTo(new Enablement(false, null));
    }

    @Test
    void anythingElseFailsAsTheBinderFails() {
        assertThatThrownBy(() -> Enablement.deduce(environment("maybe"))).isInstanceOf(BindException.class)
                .hasMessageContaining("groutines.enabled");
    }

    @Test
    void itSaysHowItWasSet() {
        assertThat(new Enablement(true, "on")).hasToString("groutines.enabled=on");
        assertThat(new Enablement(false, null)).hasToString("groutines.enabled is not set");
    }

    private static StandardEnvironment environment(String value) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("groutines.enabled", value)));
        return environment;
    }
}
