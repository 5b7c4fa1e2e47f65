package io.groutines.boot.guard;

import java.io.Serial;
import java.util.List;

/**
 * Groutines are enabled in a packaged application that runs with a production profile, and
 * {@code groutines.allow-in-production} does not allow it. Reported by a failure analyzer.
 */
public class GroutinesInProductionException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> productionProfiles;

    /**
     * @param productionProfiles the active profiles that look like production
     */
    public GroutinesInProductionException(List<String> productionProfiles) {
        super("groutines.enabled=true in a packaged application running with production profile(s) "
                + productionProfiles + "; groutines patch the application at runtime and are refused in production");
        this.productionProfiles = List.copyOf(productionProfiles);
    }

    /** @return the active profiles that look like production */
    public List<String> productionProfiles() {
        return this.productionProfiles;
    }
}
