package io.groutines;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Which {@code synchronized} locks the calling thread holds, for a {@linkplain Signals#hold held call}: a held thread
 * keeps its locks while it is parked, and a request that must reach the signal may need one of them. The one
 * question holds ask about locks, so that it can be answered elsewhere without touching them.
 */
final class ThreadMonitors {

    private ThreadMonitors() {
    }

    /**
     * The monitors the calling thread holds, each with the frame that entered it, innermost first. Read with
     * {@link ThreadMXBean#getThreadInfo(long[], boolean, boolean)} (tens of microseconds: holds are rare). On a
     * virtual thread it answers {@code null}: the JVM's management interface does not describe virtual threads.
     * @return e.g. {@code java.lang.Object@1b2c3d4e, entered in org.example.Cart.checkout(Cart.java:42)}; empty when
     *         it holds none; {@code null} when this cannot be known here
     */
    static List<String> heldByCurrentThread() {
        Thread thread = Thread.currentThread();
        if (thread.isVirtual()) {
            return null;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isObjectMonitorUsageSupported()) {
            return null;
        }
        ThreadInfo[] infos = threads.getThreadInfo(new long[] { thread.threadId() }, true, false);
        if (infos.length == 0 || infos[0] == null) {
            return null;
        }
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : infos[0].getLockedMonitors()) {
            StackTraceElement frame = monitor.getLockedStackFrame();
            held.add(monitor.getClassName() + "@" + Integer.toHexString(monitor.getIdentityHashCode())
                    + (frame != null ? ", entered in " + frame.getClassName() + "." + frame.getMethodName() + "("
                            + frame.getFileName() + ":" + frame.getLineNumber() + ")" : ""));
        }
        return held;
    }
}
