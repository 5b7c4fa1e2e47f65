/**
 * Actuator support: the read-only {@code groutines} endpoint.
 */
package io.groutines.boot.actuate;
