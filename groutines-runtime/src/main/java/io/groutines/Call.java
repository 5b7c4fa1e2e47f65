package io.groutines;

import java.lang.reflect.Executable;

/**
 * A call that a groutine awaited with {@link FunctionCall#await(Phase)}: the callable, its receiver and
 * arguments, and — at {@link Phase#EXIT} — its result or exception.
 *
 * <p>While the groutine holds control the call waits, so the groutine can change it: {@link #setArg} at ENTER
 * changes what the callable receives; {@link #replaceResult} at ENTER supplies the result and the callable does not
 * run, at EXIT it overrides the result (or the exception). When several groutines handle one call, they run in the
 * order they started waiting and the first replacement wins. To make the call throw, throw from the groutine: the
 * exception, checked or not, propagates out of the intercepted call as is.
 *
 * <p>A {@code Call} is valid while its groutine handles it; {@link #phase()} is the call's phase now. Instances are
 * made by the runtime; this interface is not meant to be implemented.
 */
public interface Call {

    /** @return the method or constructor being called */
    Executable callable();

    /** @return the object the method runs on; {@code null} for a static method, and for a constructor at ENTER */
    Object target();

    /** @return a copy of the arguments, as the callable receives them */
    Object[] args();

    /**
     * @param index position, from 0
     * @return the argument at that position
     * @throws IndexOutOfBoundsException when the callable takes fewer arguments
     */
    Object arg(int index);

    /**
     * The argument of that name: the names given with {@link FunctionCall#argNames}, else the callable's own
     * parameter names when its class was compiled with {@code -parameters}.
     * @param name parameter name
     * @return the argument
     * @throws IllegalArgumentException when no argument has that name, or names are not known
     */
    Object arg(String name);

    /**
     * Where the call came from: the frame that made it — the first frame below the called method (or below the Spring
     * proxy the call went through) that is not machinery: the weaver's advice, proxies and Spring AOP's interceptors,
     * reflection, bridge methods. Found when first asked, from the stack of the thread the call
     * runs on (the groutine runs there, above the call), and kept for the call's other groutines; a call whose
     * groutines do not ask costs nothing more.
     * @return e.g. {@code com.example.OrderController.create(OrderController.java:42)}; {@code null} when asked where
     *         the call is not on the stack (after the groutine stopped handling it)
     */
    StackTraceElement caller();

    /** @return {@link Phase#ENTER} before the callable runs, {@link Phase#EXIT} after */
    Phase phase();

    /**
     * @return what the call returns (the replaced result, if a groutine replaced it); {@code null} for void
     * @throws IllegalStateException at ENTER
     */
    Object returnValue();

    /**
     * @return the exception the callable threw, or {@code null} if it returned
     * @throws IllegalStateException at ENTER
     */
    Throwable thrown();

    /**
     * Replaces an argument before the callable runs.
     * @param index position, from 0
     * @param value the new argument, assignable to the parameter's type
     * @throws IllegalStateException at EXIT
     * @throws IllegalArgumentException when the value does not fit the parameter's type
     */
    void setArg(int index, Object value);

    /**
     * Replaces the argument of that name (see {@link #arg(String)}) before the callable runs.
     * @param name parameter name
     * @param value the new argument
     */
    void setArg(String name, Object value);

    /**
     * Supplies the result of the call. At ENTER the callable is then not run; at EXIT the caller receives this
     * value instead of the result or exception. For a {@code void} method any value means "done", and the caller
     * receives nothing. Only the first replacement of a call counts.
     * @param value the result, assignable to the return type
     * @throws IllegalArgumentException when the value does not fit the return type
     * @throws UnsupportedOperationException for a constructor observed at its execution
     */
    void replaceResult(Object value);
}
