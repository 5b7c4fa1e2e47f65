package io.groutines;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link Groutine} methods are discovered on the class path and spawned for each scope (each
 * request, in a Spring application). The class may take constructor arguments (dependencies) when a container
 * makes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Groutines {

    /** @return a name for the set, used to switch it on or off by configuration; the simple class name when empty */
    String value() default "";

    /**
     * Classes or packages this class's groutines wait on by code ({@code FunctionCall.of(view, "preSave")}) rather
     * than by a declared trigger, so that the weaver prepares them: entries as for the weave scope
     * ({@code org.example.Foo}, {@code org.example.*}, {@code org.example..*}). Declared triggers' classes are
     * woven without being listed here.
     * @return weave scope entries
     */
    String[] weave() default {};
}
