package io.groutines.boot.discovery;

import java.io.Serial;

/**
 * A {@code @Groutines} class declares groutines that cannot work: a call target that does not exist, is ambiguous or
 * is not woven, parameters or a result that do not fit the trigger, or a name that another {@code @Groutines} class
 * has too. Thrown at startup; reported by a failure analyzer.
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
     * @param method the {@code @Groutine} method's name, or {@code null} when the problem is the class's
     * @param target the trigger's target as written, or {@code null} when the problem is not a trigger's
     * @param problem what is wrong
     * @param fix what to do
     * @param cause what the runtime said, or {@code null}
     */
    public GroutineDeclarationException(String groutinesClass, String method, String target, String problem,
            String fix, Throwable cause) {
        super("Groutine" + (method != null ? " " + groutinesClass + "." + method : "s class " + groutinesClass)
                + (target != null ? " cannot listen to " + target : " cannot run") + ": " + problem + ". Fix: " + fix,
                cause);
        this.groutinesClass = groutinesClass;
        this.method = method;
        this.target = target;
        this.problem = problem;
        this.fix = fix;
    }

    /** @return the groutines class's name */
    public String groutinesClass() {
        return this.groutinesClass;
    }

    /** @return the {@code @Groutine} method's name, or {@code null} */
    public String method() {
        return this.method;
    }

    /** @return the trigger's target as written, or {@code null} when the problem is not a trigger's */
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
