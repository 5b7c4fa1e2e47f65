package io.groutines.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches only when {@code groutines.enabled} is {@code true}. Groutines patch the application's behaviour at
 * runtime, so they are off unless a developer switches them on explicitly: there is no "on when present".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnGroutinesEnabledCondition.class)
public @interface ConditionalOnGroutinesEnabled {

}
