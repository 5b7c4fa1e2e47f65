package io.groutines.boot.discovery;

import java.io.Serial;

import io.groutines.TargetException;

/**
 * A {@code @Groutines} class declares a groutine that cannot work: its call target does not exist, is ambiguous or
 * is not woven, or its parameters do not fit the trigger. Thrown at startup; reported by a failure analyzer.
 */
public class GroutineDeclarationException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String groutinesClass;

    private final String method;

    private final String target;

    private final String problem;

    private final String fix;

    /**
     * @param groutinesClass the class's name
     * @param method the {@code @Groutine} method's name, or {@code null} when it is not known
     * @param cause what the runtime said
     */
    public GroutineDeclarationException(String groutinesClass, String method, TargetException cause) {
        super("Groutine " + groutinesClass + (method != null ? "." + method : "") + " cannot listen to "
                + cause.target() + ": " + cause.problem() + ". Fix: " + cause.fix(), cause);
        this.groutinesClass = groutinesClass;
        this.method = method;
        this.target = cause.target();
        this.problem = cause.problem();
        this.fix = cause.fix();
    }

    /** @return the groutines class's name */
    public String groutinesClass() {
        return this.groutinesClass;
    }

    /** @return the {@code @Groutine} method's name, or {@code null} */
    public String method() {
        return this.method;
    }

    /** @return the target as written */
    public String target() {
        return this.target;
    }

    /** @return what is wrong */
    public String problem() {
        return this.problem;
    }

    /** @return what to do */
    public String fix() {
        return this.fix;
    }
}
