package io.groutines;

/**
 * {@link StrandTest} again, in a JVM started as a user starts one: with the groutines agent and no {@code -ea}, so
 * with the lock check the agent makes possible (each failsafe execution of this module forces one of them).
 */
class StrandIT extends StrandTest {
}
