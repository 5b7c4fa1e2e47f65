package io.groutines;

import java.util.Locale;

/**
 * How this JVM checks the {@code synchronized} locks of a thread whenever a groutine suspends on it — so that a
 * groutine never waits inside a lock of its own, and never carries away a lock of the code that resumed it (see
 * {@code docs/groutines.md}, "Limits"). Decided once per JVM, from what the JVM offers, and shown by the starter's
 * startup line, its actuator endpoint and {@link Hub#statistics()}.
 *
 * @param mode the way in force
 * @param reason why this way and not a faster one
 */
public record LockCheck(Mode mode, String reason) {

    /** The ways, fastest first. */
    public enum Mode {

        /**
         * The count of the thread's lock stack (its carrier's, for a virtual thread), read from the JVM's memory:
         * nanoseconds per suspension. HotSpot on JDK 25 with the groutines agent.
         */
        FAST_COUNT,

        /**
         * The JDK's internal thread snapshot, taken at every suspension: tens of microseconds, more with deep
         * stacks. Used when the lock stack cannot be read.
         */
        INTERNAL_SNAPSHOT,

        /**
         * {@code ThreadMXBean}, at every suspension: about a hundred microseconds, twice that under a caller's lock.
         * It cannot see a virtual thread's locks, so there a groutine's wait is refused. Used when neither of the
         * others is available.
         */
        PUBLIC_API,

        /**
         * No check: {@code -Dgroutines.monitors.protect=false}, only to measure what the check costs. A groutine
         * that waits while its thread holds a lock breaks that lock.
         */
        OFF;

        /** @return the name used in messages and in the {@code groutines.lock-check} system property */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** @return the way this JVM checks locks, and why */
    public static LockCheck inForce() {
        return LockSafety.CHECK;
    }

    @Override
    public String toString() {
        return mode.label() + " (" + reason + ")";
    }
}
