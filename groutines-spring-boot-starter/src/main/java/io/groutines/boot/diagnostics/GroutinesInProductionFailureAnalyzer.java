package io.groutines.boot.diagnostics;

import io.groutines.boot.guard.GroutinesInProductionException;
import io.groutines.boot.guard.Launch;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports groutines refused by the production guard.
 */
class GroutinesInProductionFailureAnalyzer extends AbstractFailureAnalyzer<GroutinesInProductionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GroutinesInProductionException cause) {
        boolean packaged = cause.launch().kind() == Launch.Kind.PACKAGED;
        String description = "Groutines are enabled (" + cause.enablement() + ") in an application launched as "
                + cause.launch() + (cause.productionProfiles().isEmpty() ? ""
                        : cause.defaultProfiles() ? ", with the production-looking default profile(s) "
                                + cause.productionProfiles() + " in effect (no profile is active)"
                                : ", with the production-looking profile(s) " + cause.productionProfiles())
                + ". Groutines patch the application at runtime; they are meant for development and tests: an IDE, "
                + "a build tool's run goal (mvn spring-boot:run, gradle bootRun) or a test"
                + (packaged ? ", not a packaged application."
                        : ". This launch is one of those, but its profiles say production.");
        String action = "Remove " + cause.enablement() + " from this environment (and groutines-spring-boot-starter "
                + "from the production build). If this really is not production, set groutines.allow-in-production=true"
                + (cause.productionProfiles().isEmpty() ? "." : ", or adjust groutines.production-profiles.");
        return new FailureAnalysis(description, action, cause);
    }
}
