package io.groutines.boot.discovery;

import java.util.List;
import java.util.Locale;

import io.groutines.discovery.GroutineClass;
import io.groutines.discovery.GroutineClasses;
import io.groutines.weaving.WeaveScope;

/**
 * What one scan of the class path found at startup: the {@link io.groutines.Groutines} classes in the scanned
 * packages, read from their class files (nothing of them is loaded), and which of them run. Made once, while the
 * environment is prepared, and handed to the application context.
 *
 * <p>Which classes run is decided here and nowhere else: a class runs when {@code groutines.active} lists its name
 * (its {@code @Groutines} value, or its simple class name; ignoring case), or when {@code groutines.active} is empty.
 */
public final class Discovery {

    private final List<String> packages;

    private final List<GroutineClass> found;

    private final List<String> activeNames;

    private Discovery(List<String> packages, List<GroutineClass> found, List<String> activeNames) {
        this.packages = List.copyOf(packages);
        this.found = List.copyOf(found);
        this.activeNames = activeNames.stream().map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Scans the packages for {@code @Groutines} classes.
     * @param classLoader the application's class loader
     * @param packages the packages searched, with their subpackages; nothing is found when empty
     * @param activeNames the names of the classes that run ({@code groutines.active}); empty for all
     * @return what was found
     */
    public static Discovery scan(ClassLoader classLoader, List<String> packages, List<String> activeNames) {
        List<GroutineClass> found = packages.isEmpty() ? List.of() : GroutineClasses.scan(classLoader, packages);
        return new Discovery(packages, found, activeNames);
    }

    /** @return the packages that were searched */
    public List<String> packages() {
        return this.packages;
    }

    /** @return every class found, active or not, by class name */
    public List<GroutineClass> found() {
        return this.found;
    }

    /** @return the classes that run */
    public List<GroutineClass> active() {
        return this.found.stream().filter(c -> isActive(c.name())).toList();
    }

    /** @return the classes found but switched off by {@code groutines.active} */
    public List<GroutineClass> inactive() {
        return this.found.stream().filter(c -> !isActive(c.name())).toList();
    }

    /** @return the names in {@code groutines.active} that match no class found (as written: lower case) */
    public List<String> unmatchedActiveNames() {
        return this.activeNames.stream().filter(n -> this.found.stream()
                .noneMatch(c -> c.name().equalsIgnoreCase(n))).toList();
    }

    /**
     * @param name a {@code @Groutines} name
     * @return whether the class of that name runs
     */
    public boolean isActive(String name) {
        return this.activeNames.isEmpty() || this.activeNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * @param base the scope from the command line and configuration
     * @return it, with the classes the active groutines' triggers name and their {@code weave} entries
     */
    public WeaveScope weaveScope(WeaveScope base) {
        WeaveScope scope = base;
        for (GroutineClass type : active()) {
            scope = scope.withTargets(type.triggers()).withIncluded(type.weave());
        }
        return scope;
    }

    @Override
    public String toString() {
        return this.found.size() + " @Groutines class(es) in " + this.packages;
    }
}
