package io.groutines.boot.diagnostics;

import io.groutines.boot.discovery.GroutineDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@code @Groutines} class that cannot run as declared: class, method and target where they are known,
 * what is wrong, and how to fix it.
 */
class GroutineDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<GroutineDeclarationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GroutineDeclarationException cause) {
        boolean trigger = cause.target() != null;
        String description = (trigger ? "A groutine cannot listen to what its trigger names:\n\n"
                : "A @Groutines class cannot run as declared:\n\n")
                + "    Class:   " + cause.groutinesClass() + "\n"
                + (cause.method() != null || trigger
                        ? "    Method:  " + (cause.method() != null ? cause.method() : "(unknown)") + "\n" : "")
                + (trigger ? "    Target:  " + cause.target() + "\n" : "")
                + "    Problem: " + cause.problem() + "\n";
        String fix = cause.fix().strip();
        String action = "Fix: " + fix
                + (fix.endsWith(".") || fix.endsWith("?") ? "" : ".");
        if (trigger) {
            action += "\n\nOr, to start anyway: list in groutines.active only the @Groutines classes that should run "
                    + "(a class left out is switched off), or set groutines.fail-on-target-error=false to skip this "
                    + "class with a warning.";
        }
        return new FailureAnalysis(description, action, cause);
    }
}
