package io.groutines.boot.diagnostics;

import io.groutines.boot.discovery.GroutineDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a groutine whose trigger cannot work: class, method, target, what is wrong, and how to fix it.
 */
class GroutineDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<GroutineDeclarationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GroutineDeclarationException cause) {
        String description = "A groutine cannot listen to what its trigger names:\n\n"
                + "    Class:   " + cause.groutinesClass() + "\n"
                + "    Method:  " + (cause.method() != null ? cause.method() : "(unknown)") + "\n"
                + "    Target:  " + cause.target() + "\n"
                + "    Problem: " + cause.problem() + "\n";
        String fix = cause.fix().strip();
        String action = "Fix the trigger: " + fix + (fix.endsWith(".") || fix.endsWith("?") ? "" : ".") + "\n\n"
                + "Or, to start anyway: list in groutines.active only the @Groutines classes that should run (a class "
                + "left out is switched off), or set groutines.fail-on-target-error=false to skip this class with a "
                + "warning.";
        return new FailureAnalysis(description, action, cause);
    }
}
