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

    /**
     * The naming rule of {@link Groutines}, for a class read from its class file.
     * @param value the annotation's {@code value}, {@code null} when not given
     * @param simpleName the class's simple name
     * @return the value, or the simple name when the value is blank
     */
    public static String nameOf(String value, String simpleName) {
        return value != null && !value.isBlank() ? value : simpleName;
    }

    /**
     * The naming rule of {@link Groutines}, for a loaded class.
     * @param type a class annotated {@link Groutines}
     * @return its name: the annotation's value, or the simple class name
     */
    public static String nameOf(Class<?> type) {
        Groutines annotation = type.getAnnotation(Groutines.class);
        return nameOf(annotation != null ? annotation.value() : null, type.getSimpleName());
    }
}
