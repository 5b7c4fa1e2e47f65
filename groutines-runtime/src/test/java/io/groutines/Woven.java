package io.groutines;


import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * What woven code does around a call, so that the core can be tested without a weaver: the protocol of
 * {@link Interception#intercept}, as the aspects run it for methods of many parameters.
 */
final class Woven {

    /** The original body of an intercepted callable. */
    @FunctionalInterface
    interface Body {
        Object run(Object[] args) throws Throwable;
    }

    private Woven() {
    }

    static Object call(Executable callable, Object target, Object[] args, Body body) throws Throwable {
        return Interception.intercept(callable, target, args, body, Body::run);
    }

    static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
