package io.groutines.boot.guard;

import io.groutines.RequiredJdk;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Whether groutines are switched on: {@value #PROPERTY}, read as Spring Boot binds a boolean — {@code true},
 * {@code on}, {@code yes}, {@code 1} and {@code false}, {@code off}, {@code no}, {@code 0}, ignoring case; not set or
 * empty is off; anything else fails the binding — with the value as given, for messages. Every decision of the
 * starter that depends on the property asks here: its startup, and the condition of its auto-configurations
 * ({@code @ConditionalOnGroutinesEnabled}). The groutines agent reads the value its JVM was launched with the same way.
 *
 * <p>Switched on in a JVM that cannot run groutines ({@link RequiredJdk}), the deduction refuses
 * ({@link UnsupportedJdkException}); switched off, groutines need nothing of the JDK. This class and what it uses
 * touch nothing of the runtime compiled for JDK 25.
 *
 * @param enabled whether groutines are on
 * @param value the property's value as given, {@code null} when it is not set
 */
public record Enablement(boolean enabled, String value) {

    /** The property that switches groutines on. */
    public static final String PROPERTY = "groutines.enabled";

    /**
     * @param environment the application's environment
     * @return whether groutines are on, and how it was said
     * @throws org.springframework.boot.context.properties.bind.BindException when the value is not a boolean
     * @throws UnsupportedJdkException when groutines are on and this JVM cannot run them
     */
    public static Enablement deduce(Environment environment) {
        Boolean bound = environment instanceof ConfigurableEnvironment configurable
                ? Binder.get(configurable).bind(PROPERTY, Boolean.class).orElse(null)
                : environment.getProperty(PROPERTY, Boolean.class);
        Enablement enablement = new Enablement(Boolean.TRUE.equals(bound), environment.getProperty(PROPERTY));
        if (enablement.enabled() && !RequiredJdk.isMet()) {
            throw new UnsupportedJdkException(enablement);
        }
        return enablement;
    }

    /** @return the setting as given, e.g. {@code groutines.enabled=on}, or that it is not set */
    @Override
    public String toString() {
        return this.value != null ? PROPERTY + "=" + this.value : PROPERTY + " is not set";
    }
}
