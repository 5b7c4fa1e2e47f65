package io.groutines.boot.diagnostics;

import io.groutines.boot.guard.Enablement;
import io.groutines.boot.guard.UnsupportedJdkException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application that switches groutines on in a JVM older than they need reports. The refusal itself is proved
 * on a real JDK 17 by the build's JDK 17 application test.
 */
class UnsupportedJdkAnalysisTests {

    @Test
    void itNamesJdk25TheSettingAndBothWaysOut() {
        FailureAnalysis analysis = new UnsupportedJdkFailureAnalyzer()
                .analyze(new IllegalStateException("wrapped", new UnsupportedJdkException(new Enablement(true, "on"))));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("Groutines are switched on (groutines.enabled=on)")
                .contains("they need JDK 25 or newer").contains("runs on Java " + System.getProperty("java.version"));
        assertThat(analysis.getAction()).contains("Run the application on JDK 25 or newer (your code may stay "
                + "compiled for Java 17), or set groutines.enabled=false");
    }
}
