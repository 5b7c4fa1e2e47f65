package io.groutines.boot.discovery;

import java.util.List;

/**
 * A class annotated {@link io.groutines.Groutines}, as read from its class file.
 * @param className the class's binary name
 * @param name its {@code @Groutines} name: the annotation's value, or the simple class name
 * @param callTargets the call targets its {@code @Groutine} methods name, as written
 * @param weave the weave scope entries of its {@code @Groutines(weave = ...)} attribute
 * @param active whether configuration lets it run
 */
public record DiscoveredGroutines(String className, String name, List<String> callTargets, List<String> weave,
        boolean active) {

    public DiscoveredGroutines {
        callTargets = List.copyOf(callTargets);
        weave = List.copyOf(weave);
    }
}
