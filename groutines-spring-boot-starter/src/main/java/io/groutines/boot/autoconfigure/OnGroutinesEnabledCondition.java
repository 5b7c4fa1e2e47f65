package io.groutines.boot.autoconfigure;

import io.groutines.boot.guard.Enablement;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The decision behind {@link ConditionalOnGroutinesEnabled}, made by {@link Enablement} as for the rest of the
 * starter, and explained in the condition report ({@code --debug}) so that a developer who wonders why nothing
 * happens sees the property to set.
 */
class OnGroutinesEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Groutines");
        Enablement enablement = Enablement.deduce(context.getEnvironment());
        if (enablement.value() == null) {
            return ConditionOutcome.noMatch(message.because(Enablement.PROPERTY + " is not set; groutines are off "
                    + "unless switched on (set " + Enablement.PROPERTY + "=true in development or tests)"));
        }
        if (!enablement.enabled()) {
            return ConditionOutcome.noMatch(message.because(enablement + ", which is off"));
        }
        return ConditionOutcome.match(message.because(enablement + ", which is on"));
    }
}
