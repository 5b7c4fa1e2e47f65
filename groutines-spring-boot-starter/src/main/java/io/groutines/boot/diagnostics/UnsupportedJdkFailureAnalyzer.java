package io.groutines.boot.diagnostics;

import io.groutines.RequiredJdk;
import io.groutines.boot.guard.UnsupportedJdkException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports groutines switched on in a JVM older than they need.
 */
class UnsupportedJdkFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedJdkException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedJdkException cause) {
        String description = "Groutines are switched on (" + cause.enablement() + "), but they need JDK "
                + RequiredJdk.FEATURE + " or newer, and this application runs on Java " + cause.javaVersion() + " ("
                + cause.javaHome() + ").";
        String action = "Run the application on JDK " + RequiredJdk.FEATURE + " or newer (your code may stay "
                + "compiled for Java 17), or set groutines.enabled=false: with groutines off, "
                + "groutines-spring-boot-starter does nothing, on any JDK.";
        return new FailureAnalysis(description, action, cause);
    }
}
