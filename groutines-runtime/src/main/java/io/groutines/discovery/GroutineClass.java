package io.groutines.discovery;

import io.groutines.Groutine;
import io.groutines.Groutines;

import java.util.List;

/**
 * A class annotated {@link Groutines}, as read from its class file (nothing of it is loaded).
 *
 * @param className the binary class name
 * @param name its {@code @Groutines} name: the annotation's value, or the simple class name
 * @param triggers the call targets its {@link Groutine#call()} triggers name, as written
 * @param weave the weave scope entries of its {@link Groutines#weave()} attribute
 */
public record GroutineClass(String className, String name, List<String> triggers, List<String> weave) {

    public GroutineClass {
        triggers = List.copyOf(triggers);
        weave = List.copyOf(weave);
    }
}
