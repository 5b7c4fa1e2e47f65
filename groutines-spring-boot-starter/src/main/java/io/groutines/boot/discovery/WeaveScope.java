package io.groutines.boot.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the groutines weaver must instrument: the classes named by the call triggers of the active groutines (read
 * from class files, before those classes load), plus {@code groutines.weave.include}, minus
 * {@code groutines.weave.exclude}. Computed at discovery and registered as a bean, for the weaving integration.
 * @param include packages or classes woven besides the trigger classes
 * @param exclude packages or classes never woven
 * @param triggerClasses classes named by call triggers, as written (nested classes may appear as {@code Outer.Inner})
 */
public record WeaveScope(List<String> include, List<String> exclude, List<String> triggerClasses) {

    public WeaveScope {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        triggerClasses = List.copyOf(triggerClasses);
    }

    /**
     * @param include from configuration
     * @param exclude from configuration
     * @param discovered the scanned classes; only active ones count
     * @return the scope
     */
    public static WeaveScope of(List<String> include, List<String> exclude, List<DiscoveredGroutines> discovered) {
        Set<String> classes = new LinkedHashSet<>();
        List<String> included = new ArrayList<>(include);
        for (DiscoveredGroutines d : discovered) {
            if (d.active()) {
                included.addAll(d.weave());
                for (String target : d.callTargets()) {
                    String owner = ownerOf(target);
                    if (owner != null) {
                        classes.add(owner);
                    }
                }
            }
        }
        return new WeaveScope(included, exclude, new ArrayList<>(classes));
    }

    /**
     * Whether a class is in the scope.
     * @param className binary or canonical name
     * @return whether it should be woven
     */
    public boolean contains(String className) {
        String name = className.replace('$', '.');
        if (matchesAny(this.exclude, name)) {
            return false;
        }
        return this.triggerClasses.contains(name) || matchesAny(this.include, name);
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String p : patterns) {
            if (name.equals(p) || name.startsWith(p.endsWith(".") ? p : p + ".")) {
                return true;
            }
        }
        return false;
    }

    /** {@code org.example.Foo.bar(java.lang.String)} names the class {@code org.example.Foo}. */
    static String ownerOf(String target) {
        String path = target;
        int paren = path.indexOf('(');
        if (paren >= 0) {
            path = path.substring(0, paren);
        }
        int dot = path.lastIndexOf('.');
        return dot > 0 ? path.substring(0, dot) : null;
    }
}
