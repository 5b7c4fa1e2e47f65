package io.groutines.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Guards suspensions against held monitors. On JDK 25 with its default (lightweight) locking, a continuation that
 * suspends while its thread holds a {@code synchronized} lock takes the lock's record with it: the caller's
 * {@code Thread.holdsLock} turns false, other threads can stay blocked, and the caller's own monitor exit can crash
 * the JVM (seen here on 25.0.3, whether the continuation was first started or resumed under the lock). The check asks
 * the JVM which monitors the thread holds, which costs tens of microseconds, so it runs only when switched on:
 * with assertions enabled ({@code -ea}, as in tests) or {@code -Dgroutines.checkMonitors=true}.
 */
final class Monitors {

    static final boolean CHECKED = Boolean.parseBoolean(System.getProperty("groutines.checkMonitors",
            String.valueOf(Monitors.class.desiredAssertionStatus())));

    private Monitors() {
    }

    /**
     * @param groutine the groutine about to suspend or start
     * @param action what it is about to do, for the message
     * @throws IllegalStateException when the thread holds a monitor
     */
    static void requireNoneHeld(String groutine, String action) {
        Thread thread = Thread.currentThread();
        ThreadInfo[] info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] { thread.threadId() }, true, false);
        MonitorInfo[] held = info.length == 1 && info[0] != null ? info[0].getLockedMonitors() : new MonitorInfo[0];
        if (held.length > 0) {
            String where = Arrays.stream(held)
                    .map(m -> m.getClassName() + "@" + Integer.toHexString(m.getIdentityHashCode()) + " locked in "
                            + m.getLockedStackFrame())
                    .collect(Collectors.joining("; "));
            throw new IllegalStateException("Groutine '" + groutine + "' cannot " + action + " while thread '"
                    + thread.getName() + "' holds a monitor (" + where + "): a coroutine that suspends inside a "
                    + "synchronized block would carry the lock away. Listen to a call made outside synchronized code, "
                    + "and spawn groutines where no lock is held (a request filter, a test, a runner).");
        }
    }
}
