package io.groutines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps {@code synchronized} locks where they belong when a strand suspends — the rule, in one place:
 * <ol>
 * <li><b>Refuse the groutine's own lock.</b> A strand may be resumed on another thread, where a monitor it took
 * could not be released: a wait inside its own {@code synchronized} block fails, naming the monitor.</li>
 * <li><b>Keep the caller's lock with the caller.</b> With the JVM's default (lightweight) locking, a suspending
 * continuation carries away every monitor in the thread's lock stack, including those of the code that resumed the
 * strand; so before the strand suspends, those are inflated — an inflated monitor belongs to the thread and
 * stays.</li>
 * <li><b>Check after.</b> Nothing is left to chance: the fast way suspends only once the lock stack is empty; the
 * others check that the resumer still holds each monitor, and otherwise resume the strand at once (which gives the
 * monitor back) and fail its wait.</li>
 * </ol>
 * How the thread's locks are read depends on the JVM ({@link LockCheck}): the lock stack's count ({@link
 * LockStack}), the JDK's thread snapshot or {@code ThreadMXBean} ({@link HeldMonitors}), and the monitors of a
 * suspended strand ({@link ContinuationMonitors}) — the seam to the JVM's internals, decided once here.
 */
final class LockSafety {

    /** System property: the fastest way allowed ({@link LockCheck.Mode#label()}); for tests and diagnosis. */
    static final String MODE_PROPERTY = "groutines.lock-check";

    /** System property, a test hook: the parts to treat as missing, as on a JDK where they differ. */
    static final String SIMULATE_MISSING_PROPERTY = "groutines.lock-check.simulate-missing";

    /** The JDK feature releases the runtime is tested on. */
    static final String TESTED = "25";

    /** How many anchors keep a caller's monitors when the lock stack's capacity is not known. */
    private static final int ANCHORS_UNKNOWN_CAPACITY = 64;

    private static final System.Logger LOG = System.getLogger("io.groutines");

    static final LockCheck CHECK;

    /** Where the monitors held are read from: the mode's source, or for the fast count, what names them. */
    private static final HeldMonitors HELD;

    private static final ContinuationMonitors SUSPENDED;

    /** The one warning logged about the way in force, or {@code null}. */
    static final String WARNING;

    private static final boolean FAST;

    static {
        String requested = System.getProperty(MODE_PROPERTY, LockCheck.Mode.FAST_COUNT.label()).strip()
                .toLowerCase(Locale.ROOT);
        Set<String> missing = new HashSet<>(List.of(System.getProperty(SIMULATE_MISSING_PROPERTY, "")
                .toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
        boolean protect = !"false".equals(System.getProperty("groutines.monitors.protect"));
        List<String> off = new ArrayList<>(); // why the faster ways are not in force, for the reason
        boolean forced = !requested.equals(LockCheck.Mode.FAST_COUNT.label());
        if (forced && !requested.equals(LockCheck.Mode.INTERNAL_SNAPSHOT.label())
                && !requested.equals(LockCheck.Mode.PUBLIC_API.label())) {
            off.add(MODE_PROPERTY + "=" + requested + " is not one of fast-count, internal-snapshot, public-api");
            forced = false;
            requested = LockCheck.Mode.FAST_COUNT.label();
        }

        HeldMonitors snapshot = null, management = null;
        ContinuationMonitors suspended = null;
        String snapshotOff = null;
        try {
            if (missing.contains("internal-snapshot")) {
                throw new NoSuchMethodException("jdk.internal.vm.ThreadSnapshot.of (simulated by "
                        + SIMULATE_MISSING_PROPERTY + ")");
            }
            snapshot = new HeldMonitors.Snapshot();
            snapshotOff = snapshot.check();
        }
        catch (Throwable ex) {
            snapshotOff = "the internal snapshot is not available: " + ex;
        }
        if (snapshotOff != null) {
            snapshot = null;
        }

        LockCheck.Mode mode;
        if (!protect) {
            mode = LockCheck.Mode.OFF;
            off.add("groutines.monitors.protect=false, to measure what the check costs");
        }
        else {
            mode = null;
            if (requested.equals(LockCheck.Mode.FAST_COUNT.label())) {
                String why = missing.contains("lock-stack") ? "simulated by " + SIMULATE_MISSING_PROPERTY
                        : LockStack.unavailable();
                if (why == null) {
                    try {
                        suspended = new ContinuationMonitors();
                        why = suspended.check();
                    }
                    catch (Throwable ex) {
                        why = "the monitors of a suspended groutine cannot be read: " + ex;
                    }
                }
                if (why == null) {
                    mode = LockCheck.Mode.FAST_COUNT;
                }
                else {
                    off.add("the fast count is off: " + why);
                    suspended = null;
                }
            }
            if (mode == null && !requested.equals(LockCheck.Mode.PUBLIC_API.label())) {
                if (snapshotOff == null) {
                    mode = LockCheck.Mode.INTERNAL_SNAPSHOT;
                }
                else {
                    off.add(snapshotOff);
                }
            }
            if (mode == null) {
                mode = LockCheck.Mode.PUBLIC_API;
                try {
                    management = new HeldMonitors.Management();
                    String why = management.check();
                    if (why != null) {
                        management = null;
                        off.add("ThreadMXBean cannot be trusted: " + why + "; every wait is refused");
                    }
                }
                catch (Throwable ex) {
                    off.add("ThreadMXBean is not available (" + ex + "); every wait is refused");
                }
            }
        }
        CHECK = new LockCheck(mode, reason(mode, forced, off));
        FAST = mode == LockCheck.Mode.FAST_COUNT;
        SUSPENDED = suspended;
        HELD = switch (mode) {
            case FAST_COUNT, INTERNAL_SNAPSHOT -> snapshot;
            case PUBLIC_API -> management;
            case OFF -> null;
        };
        WARNING = report(mode, forced);
    }

    private static String reason(LockCheck.Mode mode, boolean forced, List<String> off) {
        String how = switch (mode) {
            case FAST_COUNT -> "the lock stack's count is read from the JVM's memory, nanoseconds per suspension";
            case INTERNAL_SNAPSHOT -> "a thread snapshot at every suspension, tens of microseconds";
            case PUBLIC_API -> "ThreadMXBean at every suspension, about a hundred microseconds; waits on virtual "
                    + "threads are refused";
            case OFF -> "no check";
        };
        if (forced) {
            off.add(0, MODE_PROPERTY + "=" + System.getProperty(MODE_PROPERTY).strip());
        }
        return off.isEmpty() ? how : how + "; " + String.join("; ", off);
    }

    /** One line when the JVM is not one the runtime was tested on, or when a faster way failed by itself. */
    private static String report(LockCheck.Mode mode, boolean forced) {
        boolean untested = !TESTED.equals(String.valueOf(Runtime.version().feature()));
        boolean fellBack = mode != LockCheck.Mode.FAST_COUNT && mode != LockCheck.Mode.OFF && !forced;
        if (!untested && !fellBack) {
            return null;
        }
        String warning = (untested ? "Groutines are tested on JDK " + TESTED + "; this JVM is " + Runtime.version()
                + ". " : "") + "Locks are checked by " + CHECK + ".";
        LOG.log(System.Logger.Level.WARNING, warning);
        return warning;
    }

    private LockSafety() {
    }

    /**
     * Called by the resumer right before it runs the strand.
     * @return what the strand's thread holds at that moment, for {@link #beforeSuspend}: the lock stack's count
     *         with the fast way, 0 otherwise
     */
    static int atMount() {
        return FAST ? LockStack.count() : 0;
    }

    /**
     * Called on the strand's coroutine right before it suspends.
     * @param atMount what {@link #atMount()} returned when the strand was last resumed
     * @return what {@link #afterSuspend} checks; {@code null} for nothing
     * @throws IllegalStateException when the strand holds a monitor of its own, or its thread's locks cannot be
     *         checked: it may not wait here
     */
    static Object beforeSuspend(Strand strand, Waiter waiter, int atMount) {
        if (CHECK.mode() == LockCheck.Mode.OFF) {
            return null;
        }
        if (FAST) {
            int count = LockStack.count();
            if (count == 0) {
                return null; // nothing is fast-locked, so nothing can be carried away
            }
            if (count > 0 && atMount >= 0) {
                if (count > atMount) {
                    // entries above those of its resumer: the strand's own
                    throw ownLock(strand, waiter, null);
                }
                // every entry is its resumer's (a strand that inflated its resumer's leaves its own ones inflated,
                // which the check before a resumption elsewhere finds): keep them all with the resumer
                overflow(strand, LockStack.capacity() * 2);
                int left = LockStack.count();
                if (left == 0) {
                    return null;
                }
                throw new IllegalStateException("Groutine '" + strand.name() + "' cannot wait for " + waiter
                        + " here: its thread's lock stack still holds " + left + " monitor(s) after they were made "
                        + "to stay with the code that resumed it. Wait for a call made outside that synchronized block.");
            }
            // the count could not be read this time: ask the snapshot
        }
        return slowBeforeSuspend(strand, waiter);
    }

    private static Object slowBeforeSuspend(Strand strand, Waiter waiter) {
        Thread thread = Thread.currentThread();
        if (HELD == null || !HELD.sees(thread)) {
            throw new IllegalStateException("Groutine '" + strand.name() + "' cannot wait for " + waiter + " on thread '"
                    + thread.getName() + "': this JVM gives no way to check the locks of " + (thread.isVirtual()
                    ? "a virtual thread" : "a thread") + " (" + CHECK + "), and a wait under a lock could break it. "
                    + "Run on JDK " + TESTED + " with the groutines agent" + (thread.isVirtual()
                    ? ", or on platform threads" : "") + ".");
        }
        HeldMonitors.Held held;
        try {
            held = HELD.ofCurrentThread();
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Groutine '" + strand.name() + "' cannot tell which locks its thread "
                    + "holds, so it may not wait: " + ex, ex);
        }
        if (held.monitors().isEmpty()) {
            return null;
        }
        int boundary = held.boundary();
        List<HeldMonitors.Monitor> below = new ArrayList<>(2);
        for (HeldMonitors.Monitor m : held.monitors()) {
            if (m.depth() < boundary) {
                throw ownLock(strand, waiter, m.describe() + ", taken in " + held.frame(m.depth()));
            }
            below.add(m);
        }
        if (below.get(0).monitor() != null) {
            for (HeldMonitors.Monitor m : below) {
                inflate(strand, m.monitor());
            }
        }
        else {
            overflow(strand, ANCHORS_UNKNOWN_CAPACITY);
        }
        return below;
    }

    /**
     * Called by the resumer once the strand has suspended.
     * @param kept what {@link #beforeSuspend} returned
     * @return {@code null} when the resumer still holds every monitor, else the error the strand's wait fails with (the
     *         strand must be resumed with it at once, which gives the monitor back)
     */
    @SuppressWarnings("unchecked")
    static IllegalStateException afterSuspend(Object kept, Strand strand) {
        if (kept == null) {
            return null;
        }
        List<HeldMonitors.Monitor> below = (List<HeldMonitors.Monitor>) kept;
        Set<String> stillHeld = null;
        for (HeldMonitors.Monitor m : below) {
            boolean held;
            if (m.monitor() != null) {
                held = Thread.holdsLock(m.monitor());
            }
            else {
                if (stillHeld == null) {
                    stillHeld = new HashSet<>();
                    try {
                        for (HeldMonitors.Monitor now : HELD.ofCurrentThread().monitors()) {
                            stillHeld.add(now.describe());
                        }
                    }
                    catch (Throwable ex) {
                        // not known: taken as carried away, which resumes the strand at once
                    }
                }
                held = stillHeld.contains(m.describe());
            }
            if (!held) {
                return new IllegalStateException("Groutine '" + strand.name() + "' cannot wait here: its thread "
                        + "holds " + m.describe() + ", taken by the code that resumed it, and this JVM would carry "
                        + "that lock away with the groutine. Wait for a call made outside that synchronized block.");
            }
        }
        return null;
    }

    /**
     * Called before a strand that suspended on one thread is resumed on another: with the fast way, a monitor of
     * its own it still holds is inflated (the fast way refuses the fast-locked ones), so owned by the thread it
     * suspended on, and could never be released here. The other ways refuse such a wait when it is made.
     * @return {@code null} when it may be resumed here, else the monitors it holds
     */
    static String heldElsewhere(Strand strand, jdk.internal.vm.Continuation continuation) {
        if (!FAST) {
            return null;
        }
        List<Object> held;
        try {
            held = SUSPENDED.of(continuation);
        }
        catch (Throwable ex) {
            return "(its monitors cannot be read: " + ex + ")";
        }
        if (held.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(held.size());
        for (Object m : held) {
            names.add(describe(m));
        }
        return String.join(", ", names);
    }

    private static IllegalStateException ownLock(Strand strand, Waiter waiter, String which) {
        String monitor = which;
        if (monitor == null) {
            monitor = "a monitor";
            try {
                if (HELD != null && HELD.sees(Thread.currentThread())) {
                    HeldMonitors.Held held = HELD.ofCurrentThread();
                    int boundary = held.boundary();
                    for (HeldMonitors.Monitor m : held.monitors()) {
                        if (m.depth() < boundary) {
                            monitor = m.describe() + ", taken in " + held.frame(m.depth());
                            break;
                        }
                    }
                }
            }
            catch (Throwable ex) {
                // named as "a monitor"
            }
        }
        return new IllegalStateException("Groutine '" + strand.name() + "' cannot wait for " + waiter
                + " inside a synchronized block of its own (it holds " + monitor + "): a groutine may be resumed on "
                + "another thread, which could not release that lock. Leave the synchronized block before waiting.");
    }

    /**
     * Makes every monitor in the thread's lock stack stay with the thread: enters that many fresh monitors, nested,
     * that the lock stack cannot hold; for each one more, the JVM inflates the oldest entry (or a contended one),
     * owned by the thread and out of the lock stack. Needs no object of the caller's and no shared state: the anchors
     * are new, and published in the strand so that the JIT cannot elide locking them.
     */
    private static void overflow(Strand strand, int anchors) {
        Object[] fresh = new Object[anchors];
        for (int i = 0; i < anchors; i++) {
            fresh[i] = new Object();
        }
        strand.anchors = fresh;
        nest(fresh, 0);
        strand.anchors = null;
    }

    private static void nest(Object[] anchors, int i) {
        if (i == anchors.length) {
            return;
        }
        synchronized (anchors[i]) {
            nest(anchors, i + 1);
        }
    }

    /**
     * Enters the monitor again while a fresh anchor is on top of the lock stack: the JVM then inflates it to a monitor
     * owned by this thread. Never called in the frame that took the monitor (it was taken below the continuation),
     * where the JIT could remove the nested enter; the anchor is new and published, so never contended or elided.
     */
    private static void inflate(Strand strand, Object monitor) {
        Object[] anchor = { new Object() };
        strand.anchors = anchor;
        synchronized (anchor[0]) {
            synchronized (monitor) {
                strand.anchors = null; // a write the JIT must keep inside both blocks
            }
        }
    }

    private static String describe(Object monitor) {
        return monitor.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(monitor));
    }
}
