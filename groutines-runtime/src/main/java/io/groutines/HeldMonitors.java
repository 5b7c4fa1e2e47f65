package io.groutines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code synchronized} monitors the calling thread holds, each with the depth of the frame that took it, and
 * that stack: from the JDK's internal thread snapshot, or from the public {@code ThreadMXBean}. Part of the
 * runtime's seam to the JVM's internals; each source is checked once, against monitors entered for the purpose,
 * before it is used.
 */
abstract sealed class HeldMonitors permits HeldMonitors.Snapshot, HeldMonitors.Management {

    /**
     * One monitor held.
     * @param depth the index, in {@link Held#stack()}, of the frame that took it
     * @param monitor the object, or {@code null} when the source tells only its identity
     * @param className the class of the object
     * @param identityHash the object's identity hash code
     */
    record Monitor(int depth, Object monitor, String className, int identityHash) {

        String describe() {
            return className + "@" + Integer.toHexString(identityHash);
        }
    }

    /**
     * What a thread holds.
     * @param stack its frames, innermost first
     * @param monitors the monitors its frames hold (locks the JIT eliminated are not held, and not listed)
     */
    record Held(StackTraceElement[] stack, List<Monitor> monitors) {

        /**
         * @return the index of the frame that resumed the innermost continuation — the first
         *         {@code jdk.internal.vm.Continuation.run} — so that frames above it are the innermost groutine's;
         *         0 when there is none
         */
        int boundary() {
            for (int i = 0; i < stack.length; i++) {
                if ("run".equals(stack[i].getMethodName())
                        && "jdk.internal.vm.Continuation".equals(stack[i].getClassName())) {
                    return i;
                }
            }
            return 0;
        }

        String frame(int depth) {
            return depth >= 0 && depth < stack.length ? String.valueOf(stack[depth]) : "?";
        }

        String method(int depth) {
            return depth >= 0 && depth < stack.length ? stack[depth].getMethodName() : null;
        }
    }

    /** @return what the calling thread holds */
    abstract Held ofCurrentThread() throws Throwable;

    /** @return whether this source can look at the calling thread */
    abstract boolean sees(Thread thread);

    /**
     * Checks the source against monitors entered for the purpose.
     * @return {@code null} when it reports them where they were taken, else what it got wrong
     */
    final String check() throws Throwable {
        Object[] locks = { new Object(), new Object() }; // reachable from outside the frame: no lock elision
        Held held;
        synchronized (locks[0]) {
            held = checkInside(locks);
        }
        List<Monitor> found = held.monitors();
        boolean first = found.stream().anyMatch(m -> matches(m, locks[0]) && "check".equals(held.method(m.depth())));
        boolean second = found.stream().anyMatch(m -> matches(m, locks[1])
                && "checkInside".equals(held.method(m.depth())));
        return first && second ? null : "it reports " + found.stream().map(Monitor::describe).toList()
                + " for two monitors taken for the purpose";
    }

    private Held checkInside(Object[] locks) throws Throwable {
        synchronized (locks[1]) {
            return ofCurrentThread();
        }
    }

    private static boolean matches(Monitor m, Object lock) {
        return m.monitor() != null ? m.monitor() == lock
                : m.identityHash() == System.identityHashCode(lock) && m.className().equals(lock.getClass().getName());
    }

    /** {@code jdk.internal.vm.ThreadSnapshot}, bound by the names of its methods (which have outlived its fields). */
    static final class Snapshot extends HeldMonitors {

        private final MethodHandle of, stackTrace, ownsMonitors, ownedMonitorsAt;

        Snapshot() throws ReflectiveOperationException {
            Class<?> type = Class.forName("jdk.internal.vm.ThreadSnapshot");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            of = lookup.findStatic(type, "of", MethodType.methodType(type, Thread.class))
                    .asType(MethodType.methodType(Object.class, Thread.class));
            stackTrace = lookup.findVirtual(type, "stackTrace", MethodType.methodType(StackTraceElement[].class))
                    .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
            ownsMonitors = lookup.findVirtual(type, "ownsMonitors", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            ownedMonitorsAt = lookup.findVirtual(type, "ownedMonitorsAt", MethodType.methodType(Stream.class, int.class))
                    .asType(MethodType.methodType(Stream.class, Object.class, int.class));
        }

        @Override
        boolean sees(Thread thread) {
            return true;
        }

        @Override
        Held ofCurrentThread() throws Throwable {
            Object snapshot = of.invokeExact(Thread.currentThread());
            StackTraceElement[] stack = (StackTraceElement[]) stackTrace.invokeExact(snapshot);
            if (!(boolean) ownsMonitors.invokeExact(snapshot)) {
                return new Held(stack, List.of());
            }
            List<Monitor> monitors = new ArrayList<>(2);
            for (int depth = 0; depth < stack.length; depth++) {
                @SuppressWarnings("unchecked")
                Stream<Object> at = (Stream<Object>) ownedMonitorsAt.invokeExact(snapshot, depth);
                int d = depth;
                at.forEach(m -> {
                    if (m != null) { // null: a lock the JIT eliminated, so nothing is locked
                        monitors.add(new Monitor(d, m, m.getClass().getName(), System.identityHashCode(m)));
                    }
                });
            }
            return new Held(stack, monitors);
        }
    }

    /** {@code ThreadMXBean}: public, and blind to virtual threads. */
    static final class Management extends HeldMonitors {

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        Management() {
            if (!threads.isObjectMonitorUsageSupported()) {
                throw new IllegalStateException("this JVM's ThreadMXBean does not report monitors");
            }
        }

        @Override
        boolean sees(Thread thread) {
            return !thread.isVirtual();
        }

        @Override
        Held ofCurrentThread() {
            ThreadInfo info = threads.getThreadInfo(new long[] { Thread.currentThread().threadId() }, true, false)[0];
            if (info == null) {
                throw new IllegalStateException("ThreadMXBean does not report thread '"
                        + Thread.currentThread().getName() + "'");
            }
            List<Monitor> monitors = new ArrayList<>(2);
            for (MonitorInfo m : info.getLockedMonitors()) {
                monitors.add(new Monitor(m.getLockedStackDepth(), null, m.getClassName(), m.getIdentityHashCode()));
            }
            return new Held(info.getStackTrace(), monitors);
        }
    }
}
