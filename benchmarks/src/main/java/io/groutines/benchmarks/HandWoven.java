package io.groutines.benchmarks;

import io.groutines.internal.Interception;
import io.groutines.internal.Invocation;

import java.lang.reflect.Method;

/**
 * A callable wrapped the way woven code wraps it, written by hand so that the runtime's entry points are measured
 * apart from any weaver. {@link #plain} is the same body without the wrapping: the baseline.
 */
public class HandWoven {

    static final Method ADD;

    static {
        try {
            ADD = HandWoven.class.getDeclaredMethod("add", int.class);
        }
        catch (NoSuchMethodException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private int total;

    /** The body alone. */
    public int plain(int value) {
        return total += value;
    }

    /** The body behind the interception protocol. */
    public int add(int value) {
        if (!Interception.armed()) {
            return total += value;
        }
        return slowPath(value);
    }

    private int slowPath(int value) {
        Object[] args = { value };
        Invocation inv = Interception.enter(ADD, this, args);
        if (inv == null) {
            return total += value;
        }
        if (inv.skipsOriginal()) {
            return (Integer) Interception.exit(inv, inv.replacement(), null);
        }
        Object result;
        try {
            result = total += (Integer) inv.arguments()[0];
        }
        catch (Throwable ex) {
            return (Integer) Interception.exit(inv, null, ex);
        }
        return (Integer) Interception.exit(inv, result, null);
    }
}
