package io.groutines.boot.discovery;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;

/**
 * One {@code @Groutine} method and what triggers it, as checked at startup.
 * @param groutinesClass the class that declares the method
 * @param method the {@code @Groutine} method
 * @param trigger e.g. {@code FunctionCall(org.example.Foo.bar) ENTER}, {@code Event(DISPATCH)} or {@code spawn}
 * @param path the call target as written, or {@code null} for an event trigger or none
 * @param target the resolved callable, or {@code null} for an event trigger or none
 */
public record GroutineTrigger(Class<?> groutinesClass, Method method, String trigger, String path, Executable target) {

    /** @return {@code SimpleClassName.method} */
    public String groutineName() {
        return this.groutinesClass.getSimpleName() + "." + this.method.getName();
    }
}
