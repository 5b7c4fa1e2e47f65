/**
 * Auto-configuration: active only with {@code groutines.enabled=true} ({@link io.groutines.boot.autoconfigure.ConditionalOnGroutinesEnabled}),
 * bound to {@link io.groutines.boot.autoconfigure.GroutinesProperties}.
 */
package io.groutines.boot.autoconfigure;
