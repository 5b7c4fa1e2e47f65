package io.groutines.boot.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule, decided once at startup: groutines refuse to run in an application launched as it is deployed
 * ({@link Launch.Kind#PACKAGED}: a jar, a war, an exploded archive, a container image), whatever its profiles are
 * called, and in any launch that is not a test with a production-looking profile in effect
 * ({@code groutines.production-profiles}, patterns such as {@code prod*}) — the active profiles, or, when none is
 * active, the default ones ({@code spring.profiles.default}) — unless {@code groutines.allow-in-production=true}.
 * Tests, IDE runs and build tools' run goals are allowed.
 */
public final class ProductionGuard {

    private final List<String> productionProfiles;

    private final boolean allowInProduction;

    /**
     * @param productionProfiles profile names or patterns ({@code *} for any characters), compared ignoring case
     * @param allowInProduction the explicit override
     */
    public ProductionGuard(List<String> productionProfiles, boolean allowInProduction) {
        this.productionProfiles = productionProfiles.stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty()).toList();
        this.allowInProduction = allowInProduction;
    }

    /**
     * @param enablement how groutines were switched on, for the message
     * @param launch how the application was launched
     * @param activeProfiles the environment's active profiles
     * @param defaultProfiles the environment's default profiles, in effect when no profile is active
     * @throws GroutinesInProductionException when the rule refuses
     */
    public void check(Enablement enablement, Launch launch, List<String> activeProfiles, List<String> defaultProfiles) {
        if (this.allowInProduction) {
            return;
        }
        boolean defaults = activeProfiles.isEmpty();
        List<String> matching = productionLooking(defaults ? defaultProfiles : activeProfiles);
        if (launch.kind() == Launch.Kind.PACKAGED || launch.kind() != Launch.Kind.TEST && !matching.isEmpty()) {
            throw new GroutinesInProductionException(enablement, launch, matching, defaults && !matching.isEmpty());
        }
    }

    List<String> productionLooking(List<String> profiles) {
        List<String> matching = new ArrayList<>();
        for (String profile : profiles) {
            String name = profile.strip().toLowerCase(Locale.ROOT);
            if (this.productionProfiles.stream().anyMatch(pattern -> matches(pattern, name))) {
                matching.add(profile);
            }
        }
        return matching;
    }

    private static boolean matches(String pattern, String name) {
        return name.matches(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q"));
    }
}
