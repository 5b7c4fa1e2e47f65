package io.groutines;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;

/**
 * One intercepted call that at least one strand waits for: the {@link Call} every handling groutine sees, and the
 * state woven code proceeds with (through {@link Interception}). Argument names are those of the groutine handling
 * the call now, set by the dispatcher before it resumes each one: a {@code Call} is valid only while its groutine
 * handles it.
 */
final class Invocation implements Call {

    /** The hubs bound where the call entered; its EXIT is dispatched to the same ones. */
    final Binding binding;

    final Callee callee;

    private final Executable callable;

    private final Object target;

    private final Object[] args;

    private final boolean replaceable;

    private Phase phase = Phase.ENTER;

    private Object returnValue;

    private Throwable thrown;

    private boolean replaced;

    private Object replacement;

    private String[] names;

    /** The frame that made the call, found when first asked ({@link #caller()}). */
    private StackTraceElement caller;

    /** A proxied call's marker set by {@link Interception#enterProxied}, restored at EXIT; {@code null} otherwise. */
    Object proxiedBefore;

    boolean proxied;

    Invocation(Binding binding, Callee callee, Object[] args, boolean replaceable) {
        this.binding = binding;
        this.callee = callee;
        this.callable = callee.proxy() != null ? callee.invoked() : callee.callable();
        this.target = callee.receiver() != null ? callee.receiver() : callee.proxy();
        this.args = args;
        this.replaceable = replaceable;
    }

    /**
     * Who is called. A woven execution: the callable and its receiver. A call through a proxy: also the method the
     * caller invoked on the proxy, and the proxy; {@code callable} and {@code receiver} are then the target's method
     * and the target ({@code null} when the proxy has none, as a repository's derived query or an HTTP interface).
     */
    record Callee(Executable callable, Object receiver, Executable invoked, Object proxy) {
    }

    void handledBy(Waiter waiter) {
        this.names = waiter.call.argNamesOrNull();
    }

    /** @return the arguments woven code proceeds with: the original array, changed in place by {@link #setArg} */
    Object[] arguments() {
        return args;
    }

    boolean replaced() {
        return replaced;
    }

    Object replacement() {
        return replacement;
    }

    void exit(Object result, Throwable ex) {
        phase = Phase.EXIT;
        returnValue = replaced ? replacement : result;
        thrown = replaced ? null : ex;
    }

    @Override
    public Executable callable() {
        return callable;
    }

    @Override
    public Object target() {
        return target;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public Object arg(int index) {
        if (index < 0 || index >= args.length) {
            throw new IndexOutOfBoundsException("arg(" + index + ") of " + describe() + ", which takes " + args.length
                    + " arguments");
        }
        return args[index];
    }

    @Override
    public Object arg(String name) {
        return args[indexOf(name)];
    }

    @Override
    public StackTraceElement caller() {
        if (caller == null) {
            caller = Caller.of(callee.callable(), callee.invoked(), callee.proxy());
        }
        return caller;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public Object returnValue() {
        requireExit("returnValue()");
        return returnValue;
    }

    @Override
    public Throwable thrown() {
        requireExit("thrown()");
        return thrown;
    }

    @Override
    public void setArg(String name, Object value) {
        setArg(indexOf(name), value);
    }

    @Override
    public void setArg(int index, Object value) {
        if (phase != Phase.ENTER) {
            throw new IllegalStateException("setArg on " + describe() + " at " + phase
                    + ": arguments can be replaced only at ENTER, before the callable runs");
        }
        if (!replaceable) {
            throw new UnsupportedOperationException("The arguments of " + describe() + " cannot be replaced here: a "
                    + "constructor is observed at its execution, where its arguments can be read, not changed");
        }
        if (index < 0 || index >= args.length) {
            throw new IndexOutOfBoundsException("setArg(" + index + ") on " + describe() + ", which takes "
                    + args.length + " arguments");
        }
        requireAssignable(callable.getParameterTypes()[index], value, "argument " + index);
        args[index] = value;
    }

    @Override
    public void replaceResult(Object value) {
        if (!replaceable) {
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

    private void requireExit(String what) {
        if (phase != Phase.EXIT) {
            throw new IllegalStateException(what + " of " + describe()
                    + " is not known at ENTER: await the call at Phase.EXIT");
        }
    }

    private void requireAssignable(Class<?> type, Object value, String what) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("Cannot set the " + what + " of " + describe() + " to null: it is of type "
                        + type.getName());
            }
            return;
        }
        Class<?> boxed = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
        if (!boxed.isInstance(value)) {
            throw new IllegalArgumentException("Cannot set the " + what + " of " + describe() + " (a "
                    + type.getTypeName() + ") to a " + value.getClass().getName());
        }
    }

    private int indexOf(String name) {
        if (names != null && names.length > 0) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("No argument '" + name + "' in argNames " + Arrays.toString(names)
                    + " of " + describe());
        }
        Parameter[] parameters = callable.getParameters();
        if (parameters.length > 0 && !parameters[0].isNamePresent()) {
            throw new IllegalArgumentException("Parameter names of " + describe() + " are not in its class file "
                    + "(compiled without -parameters): name the arguments with FunctionCall.argNames(...)");
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No parameter '" + name + "' in " + describe() + "; it has "
                + Arrays.stream(parameters).map(Parameter::getName).toList());
    }

    private String describe() {
        return callable.getDeclaringClass().getName() + "." + Target.key(callable);
    }

    @Override
    public String toString() {
        return "Call(" + describe() + ", " + phase + ")";
    }
}
