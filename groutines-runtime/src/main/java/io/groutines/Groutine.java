package io.groutines;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as a groutine — the original framework's {@code @groutine} decorator. When its hub spawns it,
 * it waits for its trigger, then runs with the trigger's data bound to its parameters.
 *
 * <ul>
 * <li>{@code @Groutine(call = "org.example.Foo.bar", phase = Phase.ENTER)} — triggered by a {@link FunctionCall};
 * without a phase, at {@link Phase#EXIT}.</li>
 * <li>{@code @Groutine(event = "DISPATCH")} — triggered by a custom {@link Event}.</li>
 * <li>{@code @Groutine} — no trigger: runs as soon as it is spawned, up to its first {@code await}.</li>
 * </ul>
 *
 * <p><b>Parameters.</b> A parameter of type {@link Call} receives the call. The others receive the trigger's
 * arguments (a call's arguments, an event's data) by position; with {@link #argNames()} they are bound by name
 * instead (the groutine's class must then be compiled with {@code -parameters}). Extra arguments are ignored.
 *
 * <p><b>Result.</b> A non-{@code void} groutine of a call that returns a non-null value replaces the call's result:
 * at ENTER the callable is then not run. A {@code void} groutine only observes. With {@link #loop()} the groutine
 * waits for its trigger again after each run, until its hub closes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Groutine {

    /** @return the callable whose call triggers the groutine, as for {@link FunctionCall#of(String)}; empty for none */
    String call() default "";

    /** @return the phase of {@link #call()} that triggers the groutine */
    Phase phase() default Phase.EXIT;

    /** @return the name of the custom event that triggers the groutine; empty for none */
    String event() default "";

    /** @return names of the call's leading arguments, as for {@link FunctionCall#argNames} */
    String[] argNames() default {};

    /** @return whether to wait for the trigger again after each run */
    boolean loop() default false;
}
