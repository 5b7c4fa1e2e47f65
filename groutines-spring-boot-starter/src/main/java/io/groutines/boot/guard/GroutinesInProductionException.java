package io.groutines.boot.guard;

import java.io.Serial;
import java.util.List;

/**
 * Groutines are enabled in an application launched as it is deployed, or with a production-looking profile in effect,
 * and {@code groutines.allow-in-production} does not allow it. Reported by a failure analyzer.
 */
public class GroutinesInProductionException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String enablement;

    private final transient Launch launch;

    private final List<String> productionProfiles;

    private final boolean defaultProfiles;

    /**
     * @param enablement how groutines were switched on
     * @param launch how the application was launched
     * @param productionProfiles the profiles in effect that look like production
     * @param defaultProfiles whether those are the default profiles (in effect because no profile is active)
     */
    public GroutinesInProductionException(Enablement enablement, Launch launch, List<String> productionProfiles,
            boolean defaultProfiles) {
        super(enablement + " in an application launched as " + launch + (productionProfiles.isEmpty() ? ""
                : " with production-looking " + (defaultProfiles ? "default " : "") + "profile(s) " + productionProfiles)
                + "; groutines patch the application at runtime and are refused outside development and tests");
        this.enablement = enablement.toString();
        this.launch = launch;
        this.productionProfiles = List.copyOf(productionProfiles);
        this.defaultProfiles = defaultProfiles;
    }

    /** @return how groutines were switched on, e.g. {@code groutines.enabled=on} */
    public String enablement() {
        return this.enablement;
    }

    /** @return how the application was launched */
    public Launch launch() {
        return this.launch;
    }

    /** @return the profiles in effect that look like production */
    public List<String> productionProfiles() {
        return this.productionProfiles;
    }

    /** @return whether {@link #productionProfiles()} are default profiles: no profile is active */
    public boolean defaultProfiles() {
        return this.defaultProfiles;
    }
}
