package io.groutines;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** A class whose methods are "woven" by hand through {@link Woven}. */
class Greeter implements Greeting {

    static final Method GREET = Woven.method(Greeter.class, "greet");

    static final Method SHOUT = Woven.method(Greeter.class, "shout");

    static final Method FAIL = Woven.method(Greeter.class, "fail");

    static final Method TWICE = Woven.method(Greeter.class, "twice");

    static final Method SAVE = Woven.method(Greeter.class, "save");

    /** Side effects of original bodies, to prove whether they ran. */
    final List<String> ran = new ArrayList<>();

    @Override
    public String greet(String name) {
        return (String) sneaky(() -> Woven.call(GREET, this, new Object[] { name }, args -> {
            ran.add("greet " + args[0]);
            return "hello " + args[0];
        }));
    }

    static int twice(int value) {
        return (Integer) sneaky(() -> Woven.call(TWICE, null, new Object[] { value }, args -> 2 * (Integer) args[0]));
    }

    String shout(String text, int times) {
        return (String) sneaky(() -> Woven.call(SHOUT, this, new Object[] { text, times },
                args -> ((String) args[0]).toUpperCase().repeat((Integer) args[1])));
    }

    void save(String item) {
        sneaky(() -> Woven.call(SAVE, this, new Object[] { item }, args -> {
            ran.add("save " + args[0]);
            return null;
        }));
    }

    String fail(String message) throws Exception {
        return (String) sneaky(() -> Woven.call(FAIL, this, new Object[] { message }, args -> {
            throw new java.io.IOException((String) args[0]);
        }));
    }

    @FunctionalInterface
    interface ThrowingSupplier {
        Object get() throws Throwable;
    }

    static Object sneaky(ThrowingSupplier s) {
        try {
            return s.get();
        }
        catch (Throwable ex) {
            throw Greeter.<RuntimeException>raise(ex);
        }
    }

    static <T extends RuntimeException> T sneakyThrow(Throwable ex) {
        throw Greeter.<RuntimeException>raise(ex);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T raise(Throwable ex) throws T {
        throw (T) ex;
    }
}
