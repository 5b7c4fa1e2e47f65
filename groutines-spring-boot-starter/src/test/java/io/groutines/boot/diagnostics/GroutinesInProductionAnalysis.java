package io.groutines.boot.diagnostics;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** Gives tests in other packages the package-private analyzer's verdict. */
public final class GroutinesInProductionAnalysis {

    private GroutinesInProductionAnalysis() {
    }

    public static FailureAnalysis analyze(Throwable failure) {
        return new GroutinesInProductionFailureAnalyzer().analyze(failure);
    }
}
