package io.groutines;

/**
 * Keeps {@code synchronized} locks where they belong when a strand suspends. Placeholder.
 */
final class HeldMonitors {

    private HeldMonitors() {
    }

    static Object beforeSuspend(Strand strand, Waiter waiter) {
        return null;
    }

    static Throwable afterSuspend(Object held, Strand strand) {
        return null;
    }
}
