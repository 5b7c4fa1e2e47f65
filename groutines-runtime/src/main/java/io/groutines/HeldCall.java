package io.groutines;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One call held by the groutine that handles it, until a signal of its {@link Signals} is sent: the thread that made
 * the call is parked, and the call does not go on. Exactly one party ends a hold — the signal, its timeout, the
 * closing of its hub or of its signals, an interrupt — under the lock of its signals, and then unparks the thread.
 *
 * <p>The holds in progress in the whole JVM are kept here, for {@link Hub#close()}, which releases those of its
 * groutines, and for monitoring, which shows a held groutine as holding rather than as running for long.
 */
final class HeldCall {

    /** How a hold ended; {@code null} while it holds. */
    enum End {
        /** Its signal was sent: the call goes on. */
        SIGNALLED,
        /** Its timeout passed first: the call fails. */
        TIMED_OUT,
        /** Its groutine's hub closed: the groutine is killed and the call goes on. */
        HUB_CLOSED,
        /** Its signals were closed: as for its hub. */
        SIGNALS_CLOSED,
        /** Its thread was interrupted: the call fails, the thread stays interrupted. */
        INTERRUPTED
    }

    private static final Set<HeldCall> HOLDING = ConcurrentHashMap.newKeySet();

    final Signals signals;

    final String signal;

    final Strand strand;

    final Thread thread = Thread.currentThread();

    /** What is held, e.g. {@code org.example.Cart.checkout EXIT}. */
    final String call;

    /** The monitors the thread holds while held; {@code null} when not known (a virtual thread). */
    final List<String> monitors;

    final long since = System.nanoTime();

    final Instant sinceInstant = Instant.now();

    /** Written under the lock of {@link #signals}, read by the held thread. */
    private volatile End end;

    HeldCall(Signals signals, String signal, Strand strand, String call, List<String> monitors) {
        this.signals = signals;
        this.signal = signal;
        this.strand = strand;
        this.call = call;
        this.monitors = monitors;
    }

    /**
     * Releases the holds of a hub's groutines, with a kill: called by the hub's close, which kills them. A hub none of
     * whose groutines holds anything costs one look at an empty set.
     */
    static void releaseAll(Hub hub) {
        if (HOLDING.isEmpty()) {
            return;
        }
        for (HeldCall held : HOLDING) {
            if (held.strand.hub() == hub) {
                held.signals.end(held, End.HUB_CLOSED, "its hub closed");
            }
        }
    }

    /** @return the hold of a groutine, if it holds a call now */
    static Optional<HeldCall> of(Strand strand) {
        if (HOLDING.isEmpty()) {
            return Optional.empty();
        }
        for (HeldCall held : HOLDING) {
            if (held.strand == strand) {
                return Optional.of(held);
            }
        }
        return Optional.empty();
    }

    /**
     * Parks the calling thread until the hold ends or the timeout passes; then ends it as timed out, unless another
     * party ended it first.
     * @return how it ended
     */
    End await(Duration timeout) {
        HOLDING.add(this);
        try {
            if (!strand.hub().isOpen()) { // closed before this hold was registered: its close could not see it
                signals.end(this, End.HUB_CLOSED, "its hub closed");
            }
            long deadline = since + timeout.toNanos();
            while (end == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    signals.end(this, End.TIMED_OUT, "timed out");
                }
                else if (thread.isInterrupted()) {
                    signals.end(this, End.INTERRUPTED, "its thread was interrupted");
                }
                else {
                    LockSupport.parkNanos(this, left);
                }
            }
            return end;
        }
        finally {
            HOLDING.remove(this);
            strand.restartRunningClock(); // a hold is a wait: the watchdog counts from its end
        }
    }

    /** Called once, under the lock of {@link #signals}, by the party that ends the hold. */
    void ended(End how) {
        end = how;
        LockSupport.unpark(thread);
    }

    boolean isHolding() {
        return end == null;
    }

    Duration heldFor() {
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** @return the groutine, its hub and its thread, e.g. {@code 'race' of request-7 PATCH /x/ on http-nio-exec-2} */
    String who() {
        return "'" + strand.name() + "' of " + strand.hub().name() + " on " + thread.getName();
    }
}
