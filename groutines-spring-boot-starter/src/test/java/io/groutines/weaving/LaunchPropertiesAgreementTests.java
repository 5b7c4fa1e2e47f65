package io.groutines.weaving;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.groutines.boot.guard.Enablement;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent reads {@code groutines.enabled} from its JVM's launch before Spring Boot runs ({@link LaunchProperties}, in
 * the runtime, which knows no Spring); the starter reads it as Spring Boot binds it ({@link Enablement}). For every
 * value they say the same: on, off, or — for a value Spring Boot cannot read as a boolean — nothing the agent acts on,
 * while the application fails to bind it.
 */
class LaunchPropertiesAgreementTests {

    @Test
    void theAgentAndTheStarterReadEveryValueAlike() {
        for (String value : List.of("true", "on", "yes", "1", "TRUE", "On", " yes ", "false", "off", "no", "0", "OFF",
                "", "maybe", "2", "enabled")) {
            Optional<Boolean> agent = new LaunchProperties(List.of("--groutines.enabled=" + value))
                    .getBoolean("groutines.enabled");
            assertThat(agent).as("'" + value + "'").isEqualTo(starter(value));
        }
    }

    /** What the starter decides; empty when it refuses the value, or when it is empty (as not set). */
    private static Optional<Boolean> starter(String value) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("launch", Map.of("groutines.enabled", value)));
        try {
            Enablement enablement = Enablement.deduce(environment);
            return value.isBlank() ? Optional.empty() : Optional.of(enablement.enabled());
        }
        catch (BindException ex) {
            return Optional.empty();
        }
    }
}
