package io.groutines.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The decision behind {@link ConditionalOnGroutinesEnabled}, explained in the condition report
 * ({@code --debug}) so that a developer who wonders why nothing happens sees the property to set.
 */
class OnGroutinesEnabledCondition extends SpringBootCondition {

    static final String PROPERTY = "groutines.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Groutines");
        String value = context.getEnvironment().getProperty(PROPERTY);
        if (value == null) {
            return ConditionOutcome.noMatch(message.because(PROPERTY + " is not set; groutines are off unless "
                    + "switched on (set " + PROPERTY + "=true in development or tests)"));
        }
        if (!Boolean.parseBoolean(value.strip())) {
            return ConditionOutcome.noMatch(message.because(PROPERTY + " is '" + value + "'"));
        }
        return ConditionOutcome.match(message.because(PROPERTY + " is true"));
    }
}
