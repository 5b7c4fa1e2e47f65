package io.groutines.boot.discovery;

import java.util.List;

import io.groutines.discovery.ActiveGroutines;
import io.groutines.discovery.GroutineClass;
import io.groutines.discovery.GroutineClasses;
import io.groutines.weaving.WeaveScope;

/**
 * What one scan of the class path found at startup: the {@link io.groutines.Groutines} classes in the scanned
 * packages, read from their class files (nothing of them is loaded), and which of them run. Made once, while the
 * environment is prepared, and handed to the application context.
 *
 * <p>Which classes run follows the rule the agent applies too ({@link ActiveGroutines}): a class runs when
 * {@code groutines.active} lists its name (its {@code @Groutines} value, or its simple class name; ignoring case),
 * or when {@code groutines.active} is empty.
 */
public final class Discovery {

    private final List<String> packages;

    private final ActiveGroutines groutines;

    private Discovery(List<String> packages, ActiveGroutines groutines) {
        this.packages = List.copyOf(packages);
        this.groutines = groutines;
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
        return new Discovery(packages, ActiveGroutines.of(found, activeNames));
    }

    /** @return the packages that were searched */
    public List<String> packages() {
        return this.packages;
    }

    /** @return every class found, active or not, by class name */
    public List<GroutineClass> found() {
        return this.groutines.found();
    }

    /** @return the classes that run */
    public List<GroutineClass> active() {
        return this.groutines.active();
    }

    /** @return the classes found but switched off by {@code groutines.active} */
    public List<GroutineClass> inactive() {
        return this.groutines.inactive();
    }

    /** @return the names in {@code groutines.active} that match no class found (in lower case) */
    public List<String> unmatchedActiveNames() {
        return this.groutines.unmatchedNames();
    }

    /**
     * @param name a {@code @Groutines} name
     * @return whether the class of that name runs
     */
    public boolean isActive(String name) {
        return this.groutines.isActive(name);
    }

    /**
     * @param base the scope from the command line and configuration
     * @return it, with the classes the active groutines' triggers name and their {@code weave} entries
     */
    public WeaveScope weaveScope(WeaveScope base) {
        return base.withGroutines(active());
    }

    @Override
    public String toString() {
        return found().size() + " @Groutines class(es) in " + this.packages;
    }
}
