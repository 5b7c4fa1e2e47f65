package io.groutines;


import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * What woven code does around a call, written by hand so that the core can be tested without a weaver: the
 * protocol of {@link Interception}.
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
        if (!Interception.armed()) {
            return body.run(args);
        }
        Call call = Interception.enter(callable, target, args);
        if (call == null) {
            return body.run(args);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            result = body.run(Interception.arguments(call));
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
