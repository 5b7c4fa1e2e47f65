package io.groutines.boot.discovery;

import io.groutines.TargetException;

/**
 * The seam through which weaving checks triggers: called at startup for every resolved call trigger of every
 * active groutine, after the runtime has checked that the target exists. A check that throws
 * {@link TargetException} makes the trigger wrong, exactly like a target that does not exist (fatal, or a WARN with
 * {@code groutines.fail-on-target-error=false}).
 *
 * <p>The default accepts everything. The weaving integration replaces it with a bean that refuses targets whose
 * class is not woven, e.g. {@code throw new TargetException(trigger.path(), "Class is not woven",
 * "add its package to groutines.weave.include")}.
 */
@FunctionalInterface
public interface TargetCheck {

    /** Accepts every target. */
    TargetCheck ACCEPT = trigger -> { };

    /**
     * @param trigger a call trigger whose target exists
     * @throws TargetException when calls of the target cannot reach groutines
     */
    void check(GroutineTrigger trigger);
}
