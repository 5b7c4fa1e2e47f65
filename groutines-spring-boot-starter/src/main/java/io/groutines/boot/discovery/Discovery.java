package io.groutines.boot.discovery;

import java.util.List;

/**
 * The outcome of scanning, registered as a bean by {@link GroutinesBeanRegistrar}.
 * @param packages the packages that were searched
 * @param groutines every class found, active or not
 * @param weaveScope what must be woven for the active ones
 */
public record Discovery(List<String> packages, List<DiscoveredGroutines> groutines, WeaveScope weaveScope) {

    public Discovery {
        packages = List.copyOf(packages);
        groutines = List.copyOf(groutines);
    }
}
