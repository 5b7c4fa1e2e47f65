package io.groutines;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One groutine: a coroutine that runs on the thread of whoever resumes it and suspends where it waits. Made by
 * {@link Hub#spawn}. The whole model, as in greenlet:
 * <ul>
 * <li><b>resume</b> — a call, an event or {@link #switchTo} resumes a waiting strand on the calling thread (its
 * thread locals, its request) and gets control back when the strand waits again or ends;</li>
 * <li><b>wait</b> — {@code await} on a {@link FunctionCall} or an {@link Event}, or {@link #switchToParent},
 * suspends the strand;</li>
 * <li><b>kill</b> — {@link #kill()} throws {@link GroutineExit} at the strand's suspension point, so that its
 * {@code finally} blocks run; a strand that keeps waiting after {@value Kill#SURVIVALS} more kills is abandoned;</li>
 * <li><b>dead</b> — a strand whose body returned, threw or was killed is not {@linkplain #isAlive() alive}.</li>
 * </ul>
 * An exception that escapes a strand reaches the code that resumed it. A strand runs on one thread at a time; it may
 * be resumed on another thread than before. It never waits while a monitor it took itself is held, and a monitor
 * held by the code that resumed it stays with that code (see {@code docs/groutines.md}, "Limits").
 */
public final class Strand {

    /*
     * States, and who performs each transition:
     *
     *   NEW -> RUNNING          spawn(body): start(), on the spawning thread
     *   NEW -> SUSPENDED        spawn(name, call | event, body): startWaiting(), waiting without having run
     *   NEW -> DEAD             the hub refused it (closed): Hub.add
     *   RUNNING -> SUSPENDED    await: the strand yields; its resumer, on the same thread, checks the locks, then
     *                           publishes the waiter (Waiter.register) — refused when the hub has closed, and then
     *                           resumes it at once with its exit
     *   RUNNING -> DEAD         the body returned, threw or was killed: its resumer, end()
     *   SUSPENDED -> RUNNING    whoever claims its waiter (Waiter.claim: a call's or an event's dispatch, switchTo, a
     *                           kill, the hub's close) resumes it on its own thread: resumeClaimed, endClaimed
     *   SUSPENDED -> DEAD       killed before it ever ran (the killer); abandoned after surviving its kill too often
     *                           (its resumer); killed on another thread than the one where it holds a lock of its
     *                           own (the killer, reported)
     *
     * A waiter is claimed by exactly one party, under its hub's dispatcher lock, so a strand is resumed once per
     * wait. The kill is ordered (a volatile write) before a killer reads what the strand waits for, and a resumer
     * publishes the waiter before it reads the kill: so either the killer claims the waiter, or the resumer sees the
     * kill and claims it back; and a close claims whatever waiters are left.
     */
    private enum State { NEW, RUNNING, SUSPENDED, DEAD }

    private final Hub hub;
    private final String name;
    private final Coroutine coroutine;
    private final Kill kill = new Kill();
    private volatile State state = State.NEW;
    private boolean ran;

    /** What it waits for while suspended; claimed by whoever resumes it. */
    private volatile Waiter waiting;

    // handed from the suspension point to the resumer, which publishes the waiter once the strand has suspended
    private Waiter pending;
    private Object monitorsHeld;
    private boolean abandoned;
    /** What its thread's lock stack held when it was last resumed ({@link LockSafety#atMount()}). */
    private int atMount;
    /** The thread it last suspended on, where the monitors it may still hold belong. */
    private Thread suspendedOn;
    private boolean reportedElsewhere;
    /** Monitors the lock check enters while the strand suspends, published here so that the JIT keeps them. */
    Object[] anchors;
    /** Waits refused in a row to keep a lock safe; reset by a wait that suspends. */
    private int refusals;

    // handed from the resumer to the suspension point, and from the groutine's end to its last resumer
    private Object delivered;
    private Throwable deliveredThrowable;
    private Throwable failure;
    private Object[] handedOut;

    // what monitoring sees of a running strand
    private volatile Thread carrier;
    private volatile long runningSince;

    Strand(Hub hub, String name, Runnable body) {
        this.hub = hub;
        this.name = name;
        this.coroutine = new Coroutine(this, () -> run(body));
    }

    /** A strand whose body starts with what its first waiter is resumed with: see {@link #startWaiting}. */
    Strand(Hub hub, String name, Consumer<Object> body) {
        this.hub = hub;
        this.name = name;
        this.coroutine = new Coroutine(this, () -> run(() -> body.accept(delivery())));
    }

    /** @return the groutine running innermost on the calling thread, if the caller is in one */
    public static Optional<Strand> current() {
        return Optional.ofNullable(Coroutine.currentStrand());
    }

    static Strand require(String what) {
        Strand strand = Coroutine.currentStrand();
        if (strand == null) {
            throw new IllegalStateException(what + " was called outside a groutine, on thread '"
                    + Thread.currentThread().getName() + "': only a groutine can wait. Spawn one with Hub.spawn(...) "
                    + "or declare it with @Groutine.");
        }
        return strand;
    }

    /**
     * Suspends the calling groutine, handing data to the code that resumed it, until that code calls
     * {@link #switchTo}.
     * @param data what the parent's {@code switchTo} returns
     * @return what the parent passes to its next {@code switchTo}
     * @throws IllegalStateException outside a groutine
     */
    public static Object[] switchToParent(Object... data) {
        Strand strand = require("Strand.switchToParent()");
        strand.handedOut = data;
        return (Object[]) strand.await(Waiter.parent(strand));
    }

    /**
     * Resumes this groutine, which waits in {@link #switchToParent}, handing it data; returns when it next
     * suspends or ends.
     * @param data what its {@code switchToParent} returns
     * @return what it hands back at its next {@code switchToParent}; {@code null} when instead it ended or now waits
     *         for a call or an event ({@link #isAlive()} tells which)
     * @throws IllegalStateException when the groutine has ended, is running, or waits for an event or a call
     */
    public Object[] switchTo(Object... data) {
        Waiter waiter = waiting;
        if (state == State.DEAD) {
            throw new IllegalStateException("Groutine '" + name + "' has ended: there is nothing to switch to");
        }
        if (waiter == null || waiter.kind != Waiter.Kind.PARENT || !waiter.claim()) {
            throw new IllegalStateException("Groutine '" + name + "' is " + (waiter == null ? "running" : "waiting for "
                    + waiter) + "; switchTo resumes only a groutine that waits in Strand.switchToParent");
        }
        handedOut = null;
        String elsewhere = heldElsewhere();
        if (elsewhere != null) {
            waiter.state = Waiter.State.REGISTERED;
            throw new IllegalStateException(refusedHere(elsewhere) + " Switch to it from that thread.");
        }
        resumeClaimed(waiter, data);
        Object[] back = handedOut;
        handedOut = null;
        return back;
    }

    /**
     * Ends the groutine: a {@link GroutineExit} is thrown at its suspension point, so that its {@code finally} blocks
     * run now, on the calling thread. Called from inside the groutine itself, it throws {@code GroutineExit} at once;
     * on a groutine running elsewhere (further out on this thread's stack, or on another thread) it takes effect
     * when that groutine next waits. Killing an ended groutine does nothing.
     */
    public void kill() {
        kill("was killed");
    }

    /** @return whether the groutine has not ended */
    public boolean isAlive() {
        return state != State.DEAD;
    }

    /** @return the name given at spawn */
    public String name() {
        return name;
    }

    /** @return the hub the groutine belongs to */
    public Hub hub() {
        return hub;
    }

    /** @return what it waits for, e.g. {@code FunctionCall(org.example.Foo.bar) ENTER}; empty when not waiting */
    public Optional<String> waitingFor() {
        Waiter waiter = waiting;
        return waiter == null ? Optional.empty() : Optional.of(waiter.toString());
    }

    /** @return how long it has been running since it was last resumed; empty when it is not running */
    public Optional<Duration> runningFor() {
        return state == State.RUNNING && carrier != null
                ? Optional.of(Duration.ofNanos(System.nanoTime() - runningSince)) : Optional.empty();
    }

    /** @return the stack of the thread it runs on now (its own frames on top); empty when it is not running */
    public StackTraceElement[] stackTrace() {
        Thread thread = carrier;
        return state == State.RUNNING && thread != null ? thread.getStackTrace() : new StackTraceElement[0];
    }

    // ---- the one place where a strand waits ---------------------------------------------------------------------

    /**
     * Suspends this strand, running on its own coroutine, until its waiter is claimed and it is resumed.
     * @return what the resumer hands over
     */
    Object await(Waiter waiter) {
        if (kill.ordered()) {
            if (kill.survivedTooOften()) {
                abandon(waiter);
            }
            throw kill.exit(name);
        }
        Object held;
        try {
            held = LockSafety.beforeSuspend(this, waiter, atMount);
        }
        catch (IllegalStateException ownLock) {
            throw Sneaky.rethrow(refused(ownLock));
        }
        pending = waiter;
        monitorsHeld = held;
        try {
            Coroutine.suspend();
        }
        catch (IllegalStateException pinned) {
            pending = null;
            monitorsHeld = null;
            throw pinned;
        }
        return delivery();
    }

    /**
     * Counts a wait refused to keep a lock where it belongs. A groutine that catches the refusal and waits again
     * would otherwise hold its resumer's thread for good: past {@value Kill#REFUSALS} refusals in a row it is killed
     * instead, and reported.
     * @return what the refused wait throws
     */
    private Throwable refused(IllegalStateException why) {
        if (++refusals <= Kill.REFUSALS) {
            return why;
        }
        kill.order("was killed: " + refusals + " waits in a row were refused (" + why.getMessage() + ")");
        Kill.reportRefused(this, why, refusals);
        return kill.exit(name);
    }

    /** @return what the resumer handed over; throws what it handed over to throw instead */
    private Object delivery() {
        Object value = delivered;
        Throwable thrown = deliveredThrowable;
        delivered = null;
        deliveredThrowable = null;
        if (thrown != null) {
            throw Sneaky.rethrow(thrown);
        }
        return value;
    }

    /** A killed strand that keeps waiting: suspended for good, never resumed, reported. */
    private void abandon(Waiter waiter) {
        Kill.reportAbandoned(this, waiter);
        try {
            monitorsHeld = LockSafety.beforeSuspend(this, waiter, atMount);
        }
        catch (IllegalStateException ownLock) {
            throw kill.exit(name); // it holds a lock of its own: it cannot even be abandoned safely, only killed again
        }
        abandoned = true;
        Coroutine.suspend();
        // resumed only when the suspension would have carried its resumer's lock away: killed again instead
        throw kill.exit(name);
    }

    // ---- the one place where a strand is resumed ----------------------------------------------------------------

    void start() {
        resume(null, null);
    }

    /**
     * Starts the strand waiting, without running it: its body runs, from the beginning, when the first waiter is
     * claimed, and never when the strand is killed first. No suspension, so no check of the thread's locks.
     */
    void startWaiting(Waiter first) {
        waiting = first;
        state = State.SUSPENDED;
        if (!first.register()) { // its hub closed meanwhile
            end();
        }
    }

    /**
     * Resumes a strand whose waiter the caller claimed: with the value, or with its exit when it was killed. A strand
     * that may not be resumed on this thread (it holds a monitor of its own taken on another) waits on instead.
     */
    void resumeClaimed(Waiter waiter, Object value) {
        String elsewhere = heldElsewhere();
        if (elsewhere != null) {
            if (!reportedElsewhere) {
                reportedElsewhere = true;
                Kill.reportHeldElsewhere(this, refusedHere(elsewhere) + " What it waits for (" + waiter
                        + ") happened on this thread without it.");
            }
            waitAgain(waiter);
            return;
        }
        if (kill.ordered()) {
            resume(null, kill.exit(name));
        }
        else {
            resume(value, null);
        }
    }

    /**
     * @return {@code null} when the strand may be resumed on the calling thread, else the monitors of its own that it
     *         holds, taken on the thread it suspended on
     */
    private String heldElsewhere() {
        Thread last = suspendedOn;
        return ran && last != null && last != Thread.currentThread() ? LockSafety.heldElsewhere(this, coroutine) : null;
    }

    private String refusedHere(String monitors) {
        return "Groutine '" + name + "' waits inside a synchronized block of its own (it holds " + monitors
                + ", taken on thread '" + suspendedOn.getName() + "'), so it cannot be resumed on thread '"
                + Thread.currentThread().getName() + "', which could never release that lock. Leave the synchronized "
                + "block before waiting.";
    }

    private void resume(Object value, Throwable toThrow) {
        // the watchdog's clock: from the hand-off on, across the refused waits below
        runningSince = System.nanoTime();
        while (true) {
            if (state == State.DEAD) {
                throw new IllegalStateException("Groutine '" + name + "' has ended and cannot be resumed");
            }
            delivered = value;
            deliveredThrowable = toThrow;
            waiting = null;
            carrier = Thread.currentThread();
            state = State.RUNNING;
            ran = true;
            atMount = LockSafety.atMount();
            coroutine.run();
            carrier = null;
            if (coroutine.isDone()) {
                end();
                Throwable escaped = failure;
                if (escaped != null) {
                    failure = null;
                    throw Sneaky.rethrow(escaped);
                }
                return;
            }
            Waiter next = pending;
            Object held = monitorsHeld;
            pending = null;
            monitorsHeld = null;
            IllegalStateException lockCarried = LockSafety.afterSuspend(held, this);
            if (lockCarried != null) {
                // the strand carried away a lock of its resumer: resume it at once, which gives the lock back
                abandoned = false;
                value = null;
                toThrow = refused(lockCarried);
                continue;
            }
            if (abandoned) {
                end();
                return;
            }
            refusals = 0;
            suspendedOn = Thread.currentThread();
            // published before the kill is checked, and the kill is ordered before a killer looks at what the strand
            // waits for: so either this thread sees the kill and claims the waiter back, or the killer sees the waiter
            waiting = next;
            state = State.SUSPENDED;
            if (!next.register()) {
                kill.order(Kill.hubClosed(hub));
            }
            else if (!kill.ordered() || !next.claim()) {
                return;
            }
            waiting = null;
            value = null;
            toThrow = kill.exit(name);
        }
    }

    void kill(String reason) {
        if (state == State.DEAD) {
            return;
        }
        kill.order(reason);
        if (Coroutine.currentStrand() == this) {
            throw kill.exit(name);
        }
        Waiter waiter = waiting;
        if (waiter != null && waiter.claim()) {
            endClaimed(reason);
        }
    }

    /**
     * Publishes again a waiter that a dispatch claimed and then could not resume (a strand before it threw): the
     * strand waits on, or ends now when its hub closed or it was killed meanwhile.
     */
    void waitAgain(Waiter waiter) {
        waiter.state = Waiter.State.PENDING;
        if (!waiter.register()) {
            endClaimed(Kill.hubClosed(hub));
        }
        else if (kill.ordered() && waiter.claim()) {
            endClaimed("was killed");
        }
    }

    /**
     * Ends a strand whose waiter the caller claimed: its {@code finally} blocks run now, on the calling thread; a strand
     * that started waiting and never ran just ends.
     * @param reason why, unless it was killed already
     */
    void endClaimed(String reason) {
        if (!kill.ordered()) {
            kill.order(reason);
        }
        if (!ran) {
            end();
            return;
        }
        String elsewhere = heldElsewhere();
        if (elsewhere != null) {
            // its finally blocks cannot run here: it ends where it waits, and its lock stays where it was taken
            Kill.reportHeldElsewhere(this, refusedHere(elsewhere) + " It was ended without running its finally "
                    + "blocks, and that lock stays held by thread '" + suspendedOn.getName() + "'.");
            end();
            return;
        }
        resume(null, kill.exit(name));
    }

    private void run(Runnable body) {
        try {
            body.run();
        }
        catch (GroutineExit exit) {
            // a killed groutine ends normally
        }
        catch (Throwable ex) {
            failure = ex;
        }
    }

    private void end() {
        state = State.DEAD;
        waiting = null;
        hub.ended(this);
    }

    @Override
    public String toString() {
        Waiter waiter = waiting;
        return "Strand(" + name + " (" + state.name().toLowerCase() + (waiter != null ? ", waiting for " + waiter : "")
                + "))";
    }

    /** The continuation a strand runs in, mounted on whichever thread resumes it. */
    private static final class Coroutine extends Continuation {

        private static final ContinuationScope SCOPE = new ContinuationScope("groutines");

        private final Strand strand;

        Coroutine(Strand strand, Runnable body) {
            super(SCOPE, body);
            this.strand = strand;
        }

        static Strand currentStrand() {
            if (!Continuations.available()) {
                return null;
            }
            return Continuation.getCurrentContinuation(SCOPE) instanceof Coroutine c ? c.strand : null;
        }

        static void suspend() {
            Continuation.yield(SCOPE);
        }

        @Override
        protected void onPinned(Continuation.Pinned reason) {
            String where = switch (reason) {
                case NATIVE -> "a native frame or a static initializer (class initialization) is on the stack";
                case MONITOR -> "a monitor (synchronized block) is held";
                case CRITICAL_SECTION -> "the JVM is in a critical section";
                default -> reason.toString();
            };
            throw new IllegalStateException("Groutine '" + strand.name + "' cannot suspend here: " + where
                    + " (Pinned: " + reason + "). Await in ordinary code, not inside a static initializer or native "
                    + "callback.");
        }
    }
}
