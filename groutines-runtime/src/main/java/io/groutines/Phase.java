package io.groutines;

/**
 * The moment of a {@link FunctionCall} at which a groutine gets control.
 *
 * <p>{@link #ENTER} comes before the callable runs, with its arguments in hand; {@link #EXIT} comes after it
 * returned or threw, with its result or exception in hand. A trigger or {@code await} that names no phase means
 * {@code EXIT}, as in the original framework.
 */
public enum Phase {

    /** Before the callable's body runs: arguments can be read and replaced, the result can be supplied. */
    ENTER,

    /** After the callable's body returned or threw: the result or exception can be read, the result replaced. */
    EXIT
}
