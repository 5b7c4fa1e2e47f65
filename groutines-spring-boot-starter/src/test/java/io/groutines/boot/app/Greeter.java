package io.groutines.boot.app;

import java.lang.reflect.Method;

import io.groutines.internal.Interception;
import io.groutines.internal.Invocation;

import org.springframework.stereotype.Component;

/**
 * A service whose {@code greet} is intercepted: the protocol of {@link Interception}, written by hand as the weaver
 * will generate it, so that these tests do not need weaving.
 */
@Component
public class Greeter {

    private static final Method GREET;

    static {
        try {
            GREET = Greeter.class.getDeclaredMethod("greet", String.class);
        }
        catch (NoSuchMethodException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    public String greet(String name) {
        if (!Interception.armed()) {
            return body(name);
        }
        Invocation inv = Interception.enter(GREET, this, new Object[] { name });
        if (inv == null) {
            return body(name);
        }
        if (inv.skipsOriginal()) {
            return (String) Interception.exit(inv, inv.replacement(), null);
        }
        String result;
        try {
            result = body((String) inv.arguments()[0]);
        }
        catch (Throwable ex) {
            return (String) Interception.exit(inv, null, ex);
        }
        return (String) Interception.exit(inv, result, null);
    }

    private String body(String name) {
        return "Hello, " + name;
    }
}
