package io.groutines.boot.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule: groutines refuse to start when the application is packaged ({@link ApplicationPackaging}) <em>and</em>
 * one of its active profiles is a production profile ({@code groutines.production-profiles}: prod, production,
 * live), unless {@code groutines.allow-in-production=true}. Either alone is fine: a developer may run the packaged
 * jar locally, or a prod profile from the IDE.
 */
public final class ProductionGuard {

    private final List<String> productionProfiles;

    private final boolean allowInProduction;

    private final ApplicationPackaging packaging;

    /**
     * @param productionProfiles profiles that look like production, compared ignoring case
     * @param allowInProduction the explicit override
     * @param packaging how to tell a packaged application
     */
    public ProductionGuard(List<String> productionProfiles, boolean allowInProduction, ApplicationPackaging packaging) {
        this.productionProfiles = productionProfiles.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList();
        this.allowInProduction = allowInProduction;
        this.packaging = packaging;
    }

    /**
     * @param activeProfiles the environment's active profiles
     * @throws GroutinesInProductionException when the rule refuses
     */
    public void check(String... activeProfiles) {
        if (this.allowInProduction) {
            return;
        }
        List<String> matching = new ArrayList<>();
        for (String profile : activeProfiles) {
            if (this.productionProfiles.contains(profile.strip().toLowerCase(Locale.ROOT))) {
                matching.add(profile);
            }
        }
        if (!matching.isEmpty() && this.packaging.isPackaged()) {
            throw new GroutinesInProductionException(matching);
        }
    }
}
