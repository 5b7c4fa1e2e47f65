package io.groutines.discovery;

import io.groutines.Groutines;

import java.util.List;
import java.util.Locale;

/**
 * The {@link Groutines} classes found, and which of them run: a class runs when the active names
 * ({@code groutines.active}) list its name, ignoring case, or when they list none. The one rule that the agent (at JVM
 * start, to weave what the active classes' triggers name) and the Spring Boot starter (at application start, to
 * register and check the active classes) both apply.
 */
public final class ActiveGroutines {

    private final List<GroutineClass> found;

    private final List<String> names;

    private ActiveGroutines(List<GroutineClass> found, List<String> names) {
        this.found = List.copyOf(found);
        this.names = names;
    }

    /**
     * @param found the classes found
     * @param activeNames the names of the classes that run, as configured (blank entries are ignored); empty for all
     * @return which of the classes run
     */
    public static ActiveGroutines of(List<GroutineClass> found, List<String> activeNames) {
        return new ActiveGroutines(found, activeNames.stream().map(String::strip).filter(n -> !n.isEmpty())
                .map(ActiveGroutines::key).distinct().toList());
    }

    /** @return every class found, active or not */
    public List<GroutineClass> found() {
        return found;
    }

    /** @return the classes that run */
    public List<GroutineClass> active() {
        return found.stream().filter(c -> isActive(c.name())).toList();
    }

    /** @return the classes found but switched off by the active names */
    public List<GroutineClass> inactive() {
        return found.stream().filter(c -> !isActive(c.name())).toList();
    }

    /** @return the active names that match no class found, in lower case */
    public List<String> unmatchedNames() {
        return names.stream().filter(n -> found.stream().noneMatch(c -> key(c.name()).equals(n))).toList();
    }

    /**
     * @param name a {@code @Groutines} name
     * @return whether a class of that name runs
     */
    public boolean isActive(String name) {
        return names.isEmpty() || names.contains(key(name));
    }

    /**
     * @param name a {@code @Groutines} name or an active name
     * @return the form in which names are compared: stripped, lower case
     */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return active().size() + " of " + found.size() + " @Groutines class(es) active"
                + (names.isEmpty() ? "" : " (groutines.active=" + String.join(",", names) + ")");
    }
}
