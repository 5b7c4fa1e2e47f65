package io.groutines;

import java.io.Serial;

/**
 * A {@link FunctionCall} names a callable that cannot be listened to: its class or method does not exist, an
 * overload is ambiguous, its arguments are named wrongly, or it is not woven. The message names the target,
 * what is wrong and how to fix it, so that a groutine never silently waits for a call that cannot happen.
 */
public final class TargetException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String target;

    private final String problem;

    private final String fix;

    private final String groutine;

    /**
     * Creates the exception.
     * @param target the target as the groutine named it, e.g. {@code org.example.Foo.bar}
     * @param problem what is wrong with it
     * @param fix what the developer should do
     */
    public TargetException(String target, String problem, String fix) {
        this(target, problem, fix, null);
    }

    /**
     * Creates the exception for a declared groutine.
     * @param target the target as the groutine named it
     * @param problem what is wrong with it
     * @param fix what the developer should do
     * @param groutine the groutine method that names it, as {@code org.example.MyGroutines.method}, or {@code null}
     */
    public TargetException(String target, String problem, String fix, String groutine) {
        super((groutine != null ? "Groutine " + groutine + ": " : "") + problem + " — target " + target + ". Fix: " + fix);
        this.target = target;
        this.problem = problem;
        this.fix = fix;
        this.groutine = groutine;
    }

    /** @return the declared groutine method that names the target, as {@code Class.method}; {@code null} for code */
    public String groutine() {
        return groutine;
    }

    /** @return the target as it was named */
    public String target() {
        return target;
    }

    /** @return what is wrong with the target */
    public String problem() {
        return problem;
    }

    /** @return the suggested fix */
    public String fix() {
        return fix;
    }
}
