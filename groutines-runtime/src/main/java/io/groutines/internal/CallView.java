package io.groutines.internal;

import io.groutines.Call;
import io.groutines.Phase;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Arrays;

/** A call as one waiter sees it: the shared {@link Invocation} and the waiter's argument names. */
public final class CallView implements Call {

    private final Invocation invocation;

    private final String[] argNames;

    CallView(Invocation invocation, String[] argNames) {
        this.invocation = invocation;
        this.argNames = argNames;
    }

    @Override
    public Executable callable() {
        return (Executable) invocation.callable();
    }

    @Override
    public Object target() {
        return invocation.target();
    }

    @Override
    public Object[] args() {
        return invocation.arguments().clone();
    }

    @Override
    public Object arg(int index) {
        Object[] args = invocation.arguments();
        if (index < 0 || index >= args.length) {
            throw new IndexOutOfBoundsException("arg(" + index + ") of " + invocation.describe() + ", which takes "
                    + args.length + " arguments");
        }
        return args[index];
    }

    @Override
    public Object arg(String name) {
        return invocation.arguments()[indexOf(name)];
    }

    @Override
    public Phase phase() {
        return invocation.phase();
    }

    @Override
    public Object returnValue() {
        requireExit("returnValue()");
        return invocation.returnValue();
    }

    @Override
    public Throwable thrown() {
        requireExit("thrown()");
        return invocation.thrown();
    }

    @Override
    public void setArg(int index, Object value) {
        invocation.setArg(index, value);
    }

    @Override
    public void setArg(String name, Object value) {
        invocation.setArg(indexOf(name), value);
    }

    @Override
    public void replaceResult(Object value) {
        invocation.replaceResult(value);
    }

    /** @return whether a groutine has replaced the result of this call */
    public boolean resultReplaced() {
        return invocation.resultReplaced();
    }

    private void requireExit(String what) {
        if (invocation.phase() != Phase.EXIT) {
            throw new IllegalStateException(what + " of " + invocation.describe()
                    + " is not known at ENTER: await the call at Phase.EXIT");
        }
    }

    int indexOf(String name) {
        if (argNames != null && argNames.length > 0) {
            for (int i = 0; i < argNames.length; i++) {
                if (argNames[i].equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("No argument '" + name + "' in argNames " + Arrays.toString(argNames)
                    + " of " + invocation.describe());
        }
        Parameter[] parameters = callable().getParameters();
        if (parameters.length > 0 && !parameters[0].isNamePresent()) {
            throw new IllegalArgumentException("Parameter names of " + invocation.describe() + " are not in its class "
                    + "file (compiled without -parameters): name the arguments with FunctionCall.argNames(...)");
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No parameter '" + name + "' in " + invocation.describe() + "; it has "
                + Arrays.stream(parameters).map(Parameter::getName).toList());
    }

    @Override
    public String toString() {
        return invocation.toString();
    }
}
