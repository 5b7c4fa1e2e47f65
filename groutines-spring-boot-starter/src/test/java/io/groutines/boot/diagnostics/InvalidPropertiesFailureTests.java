package io.groutines.boot.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Groutines properties whose values cannot work stop the application at binding, reported by Spring Boot's binding
 * failure analysis: the property, the value as given, where it came from, and why.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidPropertiesFailureTests {

    @Test
    void aWatchdogThresholdThatIsNotPositive(CapturedOutput output) {
        assertThat(catchThrowable(() -> GroutineDeclarationFailureTests.run("--groutines.watchdog.threshold=-5s")
                .close())).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: groutines.watchdog.threshold")
                .contains("Value: \"PT-5S\"").contains("Origin: \"groutines.watchdog.threshold\" from property source "
                        + "\"commandLineArgs\"").contains("Reason: must be greater than zero, e.g. 5s")
                .contains("set groutines.watchdog.enabled=false");
    }

    @Test
    void anEnabledValueThatIsNotABoolean(CapturedOutput output) {
        SpringApplication application = new SpringApplication(GroutineDeclarationFailureTests.Config.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThat(catchThrowable(() -> application.run("--groutines.enabled=maybe").close())).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: groutines.enabled")
                .contains("Value: \"maybe\"").contains("Invalid boolean value 'maybe'");
    }
}
