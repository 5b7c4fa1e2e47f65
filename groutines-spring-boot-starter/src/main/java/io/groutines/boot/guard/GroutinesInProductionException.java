package io.groutines.boot.guard;

import java.io.Serial;
import java.util.List;

/**
 * Groutines are enabled in an application launched as it is deployed, or with a production-looking profile, and
 * {@code groutines.allow-in-production} does not allow it. Reported by a failure analyzer.
 */
public class GroutinesInProductionException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Launch launch;

    private final List<String> productionProfiles;

    /**
     * @param launch how the application was launched
     * @param productionProfiles the active profiles that look like production
     */
    public GroutinesInProductionException(Launch launch, List<String> productionProfiles) {
        super("groutines.enabled=true in an application launched as " + launch
                + (productionProfiles.isEmpty() ? "" : " with production-looking profile(s) " + productionProfiles)
                + "; groutines patch the application at runtime and are refused outside development and tests");
        this.launch = launch;
        this.productionProfiles = List.copyOf(productionProfiles);
    }

    /** @return how the application was launched */
    public Launch launch() {
        return this.launch;
    }

    /** @return the active profiles that look like production */
    public List<String> productionProfiles() {
        return this.productionProfiles;
    }
}
