package io.groutines.internal;

import io.groutines.Phase;

import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;

/**
 * One intercepted call that at least one groutine waits for: its arguments as the callable will receive them, its
 * result or exception, and what groutines did to it. Created by {@link Interception#enter}; woven code proceeds
 * with {@link #arguments()} unless {@link #skipsOriginal()}. Internal; groutines see it as a {@code Call}.
 */
public final class Invocation {

    private final Scope scope;

    private final Member callable;

    private final Object target;

    private final Object[] args;

    private final boolean resultReplaceable;

    private Phase phase = Phase.ENTER;

    private Object returnValue;

    private Throwable thrown;

    private boolean replaced;

    private Object replacement;

    Invocation(Scope scope, Member callable, Object target, Object[] args, boolean resultReplaceable) {
        this.scope = scope;
        this.callable = callable;
        this.target = target;
        this.args = args;
        this.resultReplaceable = resultReplaceable;
    }

    Scope scope() {
        return scope;
    }

    /** @return the method or constructor being called */
    public Member callable() {
        return callable;
    }

    /** @return the receiver, or {@code null} for a static method (and a constructor at ENTER) */
    public Object target() {
        return target;
    }

    /** @return the phase the call is in */
    public Phase phase() {
        return phase;
    }

    /** @return the arguments to proceed with: the original array, changed in place by {@code setArg} */
    public Object[] arguments() {
        return args;
    }

    /** @return whether a groutine supplied the result at ENTER, so the original must not run */
    public boolean skipsOriginal() {
        return replaced;
    }

    /** @return the result a groutine supplied, when {@link #skipsOriginal()} or after EXIT */
    public Object replacement() {
        return replacement;
    }

    Object returnValue() {
        return returnValue;
    }

    Throwable thrown() {
        return thrown;
    }

    boolean resultReplaced() {
        return replaced;
    }

    void setArg(int index, Object value) {
        if (phase != Phase.ENTER) {
            throw new IllegalStateException("setArg on " + describe() + " at " + phase
                    + ": arguments can be replaced only at ENTER, before the callable runs");
        }
        if (!resultReplaceable && callable instanceof Constructor<?>) {
            throw new UnsupportedOperationException("The arguments of " + describe() + " cannot be replaced here: a "
                    + "constructor is observed at its execution, where its arguments can be read, not changed");
        }
        if (index < 0 || index >= args.length) {
            throw new IndexOutOfBoundsException("setArg(" + index + ") on " + describe() + ", which takes " + args.length + " arguments");
        }
        Class<?> type = ((java.lang.reflect.Executable) callable).getParameterTypes()[index];
        requireAssignable(type, value, "argument " + index);
        args[index] = value;
    }

    void replaceResult(Object value) {
        if (!resultReplaceable) {
            throw new UnsupportedOperationException("The result of " + describe() + " cannot be replaced here: a "
                    + "constructor's result is replaceable only where it is called (the caller must be in the weave "
                    + "scope); at its execution it can only be observed");
        }
        if (callable instanceof Method m && m.getReturnType() != void.class) {
            requireAssignable(m.getReturnType(), value, "result");
        }
        else if (callable instanceof Constructor<?> c && value != null && !c.getDeclaringClass().isInstance(value)) {
            throw new IllegalArgumentException("Cannot replace the result of " + describe() + " with a "
                    + value.getClass().getName());
        }
        if (replaced) {
            return; // the first replacement wins
        }
        replaced = true;
        replacement = callable instanceof Method m && m.getReturnType() == void.class ? null : value;
    }

    void exit(Object result, Throwable ex) {
        phase = Phase.EXIT;
        returnValue = replaced ? replacement : result;
        thrown = replaced ? null : ex;
    }

    private void requireAssignable(Class<?> type, Object value, String what) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("Cannot set the " + what + " of " + describe() + " to null: it is a " + type.getName());
            }
            return;
        }
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        if (!boxed.isInstance(value)) {
            throw new IllegalArgumentException("Cannot set the " + what + " of " + describe() + " (a " + type.getTypeName()
                    + ") to a " + value.getClass().getName());
        }
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    String describe() {
        return callable.getDeclaringClass().getName() + "." + Target.key(callable);
    }

    @Override
    public String toString() {
        return "Call(" + describe() + ", " + phase + ")";
    }
}
