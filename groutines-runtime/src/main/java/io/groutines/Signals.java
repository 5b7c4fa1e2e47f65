package io.groutines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Named signals that hold calls across requests: the way to make a race between two requests happen every time. A
 * groutine handling a call {@linkplain #hold holds} it — the thread that made the call parks, the call does not go on
 * — until a signal of that name is {@linkplain #send sent}, by a groutine of any other request, on any thread, or by
 * the test itself. Every step is kept in a {@linkplain #trace() trace}: which request held what, which sent what,
 * and in what order.
 *
 * <pre>{@code
 * try (Signals signals = Signals.open("lost update")) {
 *     // in request A's groutine: A has read the order; B must read it too before A goes on
 *     Call read = FunctionCall.of(OrderController.class, "loadOrder").await(Phase.EXIT);
 *     signals.hold(read, "B read");
 *     // in request B's groutine, on another thread
 *     FunctionCall.of(OrderController.class, "loadOrder").await(Phase.EXIT);
 *     signals.send("B read");
 * }   // fails if a hold timed out, or still held
 * }</pre>
 *
 * <p>A signal, once sent, stays sent until its {@code Signals} are closed: a hold for it that comes later goes on at
 * once, so the order in which the two requests arrive does not matter. Signals of different {@code Signals} never
 * meet: open one per test, or one per pair of requests when pairs run side by side. Unlike an {@link Event}, which
 * reaches only the groutines of the hubs bound to the thread that fires it, a signal reaches holds in every hub.
 *
 * <p>Nothing hangs. Every hold has a timeout ({@link #defaultTimeout()}, or its own); a hold that times out fails its
 * call with an {@link AssertionError} naming the signal, the hub, the call and this trace, logs it at ERROR, and makes
 * {@link #close()} fail. Closing the hub of a held groutine (its response is complete, its test ended) or closing
 * these signals releases the hold: the thread goes on and the groutine is killed, as a close kills it. A hold while
 * the thread holds a {@code synchronized} lock is reported at WARN and in the trace, with the lock and the frame
 * that took it: the thread keeps its locks while held, and the request that should send the signal may need one.
 *
 * <p>Thread-safe. A hold parks its thread, a virtual thread too; holds and signals cost nothing to calls that no
 * groutine holds.
 */
public final class Signals implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.groutines");

    private static final int STEPS = 10_000;

    private static volatile Duration defaultTimeout = Duration.ofSeconds(5);

    private final String name;

    private final Duration timeout;

    private final long opened = System.nanoTime();

    /** Guards what follows; never held while a thread is held. */
    private final ReentrantLock lock = new ReentrantLock();

    private final Set<String> sent = new LinkedHashSet<>();

    private final List<HeldCall> holding = new ArrayList<>();

    /** The trace: the latest {@value #STEPS} steps, so that signals kept open for long stay small. */
    private final ArrayDeque<String> steps = new ArrayDeque<>();

    private long stepCount;

    /** Holds that timed out, were interrupted or were still held at the close: each fails the close. */
    private final List<String> failures = new ArrayList<>();

    private boolean closed;

    private Signals(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
    }

    /**
     * Opens signals whose holds time out after {@link #defaultTimeout()}.
     * @param name for the trace and messages, e.g. the test's or the scenario's
     * @return the signals; close them when the scenario ends
     */
    public static Signals open(String name) {
        return new Signals(Objects.requireNonNull(name, "name"), null);
    }

    /**
     * Opens signals whose holds time out after the given time.
     * @param name for the trace and messages
     * @param timeout how long a hold waits for its signal at most
     * @return the signals
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public static Signals open(String name, Duration timeout) {
        return new Signals(Objects.requireNonNull(name, "name"), positive(timeout));
    }

    /** @return how long a hold waits at most, unless its signals or the hold say otherwise: 5 s unless set */
    public static Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Sets how long a hold waits at most, in the whole JVM, for signals opened without a timeout of their own. The
     * Spring Boot starter sets it from {@code groutines.hold.timeout}.
     * @param timeout a positive duration
     */
    public static void setDefaultTimeout(Duration timeout) {
        defaultTimeout = positive(timeout);
    }

    /**
     * What a groutine holds now, for monitoring: a held groutine runs — its thread is parked inside it — but it does
     * not run for long, it waits for a signal.
     * @param strand a groutine
     * @return its hold; empty when it holds nothing
     */
    public static Optional<Hold> holdOf(Strand strand) {
        return HeldCall.of(strand).map(Signals::describe);
    }

    private static Hold describe(HeldCall held) {
        return new Hold(held.signals.name, held.signal, held.call, held.thread.getName(), held.sinceInstant,
                held.heldFor(), held.monitors == null ? List.of() : held.monitors);
    }

    /** @return the name given at open */
    public String name() {
        return name;
    }

    /**
     * Sends a signal: releases every hold waiting for it, and every later hold for it goes on at once. Sending a
     * signal sent already does nothing more (the trace notes it).
     * @param signal its name
     * @return how many holds it released
     * @throws IllegalStateException when these signals are closed
     */
    public int send(String signal) {
        requireName(signal);
        String who = who(Strand.current().orElse(null));
        List<HeldCall> released = new ArrayList<>(2);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Signals '" + name + "' are closed: '" + signal + "' cannot be sent "
                        + "(by " + who + ")");
            }
            if (!sent.add(signal)) {
                step(who, "sends '" + signal + "' again (sent already)");
                return 0;
            }
            step(who, "sends '" + signal + "'");
            for (HeldCall held : holding) {
                if (held.signal.equals(signal)) {
                    released.add(held);
                }
            }
            for (HeldCall held : released) {
                holding.remove(held);
                step(held.who(), "released by '" + signal + "' after " + millis(held.heldFor()) + ": " + held.call
                        + " goes on");
                held.ended(HeldCall.End.SIGNALLED);
            }
        }
        finally {
            lock.unlock();
        }
        return released.size();
    }

    /**
     * @param signal a signal's name
     * @return whether it has been sent
     */
    public boolean isSent(String signal) {
        lock.lock();
        try {
            return sent.contains(signal);
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Holds a call until the signal is sent, waiting at most these signals' timeout. Called by the groutine handling
     * the call (at ENTER the method has not run yet, at EXIT its caller has not got the result yet), on the call's
     * thread, which parks. Returns at once when the signal was sent already.
     * @param call the call the calling groutine handles
     * @param signal the name of the signal to wait for
     * @throws AssertionError when the timeout passes first (or the thread is interrupted): the call fails with it
     * @throws GroutineExit when the groutine's hub or these signals are closed while it holds: the groutine ends and
     *         the call goes on
     * @throws IllegalStateException outside a groutine, or when these signals are closed
     */
    public void hold(Call call, String signal) {
        hold(call, signal, timeout != null ? timeout : defaultTimeout);
    }

    /**
     * Holds a call until the signal is sent, as {@link #hold(Call, String)}, with a timeout of its own.
     * @param call the call the calling groutine handles
     * @param signal the name of the signal to wait for
     * @param timeout how long to wait at most
     */
    public void hold(Call call, String signal, Duration timeout) {
        Objects.requireNonNull(call, "call");
        requireName(signal);
        positive(timeout);
        Strand strand = Strand.require("Signals.hold(call, \"" + signal + "\")");
        String what = describe(call);
        List<String> monitors = LockSafety.describeHeld();
        HeldCall held = new HeldCall(this, signal, strand, what, monitors);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Signals '" + name + "' are closed: " + held.who() + " cannot hold "
                        + what + " until '" + signal + "'");
            }
            if (sent.contains(signal)) {
                step(held.who(), "goes on through " + what + ": '" + signal + "' was sent already");
                return;
            }
            holding.add(held);
            step(held.who(), "holds " + what + " until '" + signal + "'" + underMonitors(monitors));
        }
        finally {
            lock.unlock();
        }
        if (monitors != null && !monitors.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Groutine {0} holds {1} until signal ''{2}'' while its thread holds "
                    + "{3}: a held thread keeps its locks, and the request that is to send ''{2}'' may need one of "
                    + "them. Hold at a call made outside that synchronized block.", held.who(), what, signal,
                    monitors);
        }
        HeldCall.End end = held.await(timeout);
        switch (end) {
            case SIGNALLED -> {
            }
            case HUB_CLOSED, SIGNALS_CLOSED -> throw new GroutineExit("Groutine '" + strand.name() + "' was killed "
                    + "while it held " + what + " until '" + signal + "': " + (end == HeldCall.End.HUB_CLOSED
                            ? "its hub '" + strand.hub().name() + "' closed" : "signals '" + name + "' closed"));
            case TIMED_OUT, INTERRUPTED -> {
                String report = report(held, end, timeout);
                LOG.log(System.Logger.Level.ERROR, report);
                throw new AssertionError(report);
            }
        }
    }

    /**
     * Ends a hold, unless it has ended already: the one place where holds end.
     * @param how why
     * @param why for the trace
     */
    void end(HeldCall held, HeldCall.End how, String why) {
        lock.lock();
        try {
            if (!held.isHolding()) {
                return;
            }
            holding.remove(held);
            step(held.who(), "released without '" + held.signal + "' after " + millis(held.heldFor()) + ": " + why);
            if (how == HeldCall.End.TIMED_OUT || how == HeldCall.End.INTERRUPTED) {
                failures.add(held.who() + " held " + held.call + " until '" + held.signal + "': " + why);
            }
            held.ended(how);
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * The calls held now until signals of these, in the order they began: for a test that must know a request is
     * held before it goes on, e.g. {@code await().until(() -> signals.holds().size() == 1)}.
     * @return the holds waiting now; empty when none
     */
    public List<Hold> holds() {
        lock.lock();
        try {
            return holding.stream().map(Signals::describe).toList();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * The interleaving as it happened: every hold, signal and release of these signals, in order, with the time since
     * they were opened, the groutine, its hub and its thread. For printing after a test:
     * <pre>
     * Signals 'lost update' (2 sent: B read, A saved; none holding)
     *   1  +12.417 ms  'race' of request-5 PATCH /snippets/1/ on http-nio-exec-1: holds ...getObject EXIT until 'B read'
     *   2  +14.020 ms  'race' of request-6 PATCH /snippets/1/ on http-nio-exec-2: sends 'B read'
     *   3  +14.031 ms  'race' of request-5 PATCH /snippets/1/ on http-nio-exec-1: released by 'B read' after 1.614 ms ...
     * </pre>
     * @return the trace, one step a line after a heading
     */
    public String trace() {
        lock.lock();
        try {
            StringBuilder out = new StringBuilder("Signals '").append(name).append("' (")
                    .append(sent.isEmpty() ? "none sent" : sent.size() + " sent: " + String.join(", ", sent))
                    .append("; ").append(holding.isEmpty() ? "none holding" : holding.size() + " holding").append(")");
            if (stepCount > steps.size()) {
                out.append("\n  (").append(stepCount - steps.size()).append(" earlier steps are not kept)");
            }
            for (String step : steps) {
                out.append('\n').append(step);
            }
            return out.toString();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Closes the signals: every hold still waiting is released (its groutine is killed, its call goes on), and
     * nothing can be sent or held any more. Closing twice does nothing.
     * @throws AssertionError when a hold timed out, was interrupted or was still waiting: the interleaving did not
     *         happen as written; the message has the trace
     */
    @Override
    public void close() {
        List<String> failed;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            for (HeldCall held : List.copyOf(holding)) {
                failures.add(held.who() + " still held " + held.call + " until '" + held.signal + "', never sent");
                end(held, HeldCall.End.SIGNALS_CLOSED, "signals '" + name + "' closed");
            }
            closed = true;
            failed = List.copyOf(failures);
        }
        finally {
            lock.unlock();
        }
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " hold(s) of signals '" + name + "' did not end with their "
                    + "signal:\n  " + String.join("\n  ", failed) + "\n" + trace());
        }
    }

    @Override
    public String toString() {
        return "Signals '" + name + "'";
    }

    private String report(HeldCall held, HeldCall.End end, Duration timeout) {
        String monitors = held.monitors == null ? " (its locks cannot be read on this JVM: " + LockCheck.inForce() + ")"
                : held.monitors.isEmpty() ? "" : ", and it holds " + held.monitors
                        + " — if the request that is to send the signal needs one of them, that is why it never came";
        return "Groutine " + held.who() + " held " + held.call + " until signal '" + held.signal + "' of signals '"
                + name + "', " + (end == HeldCall.End.TIMED_OUT ? "which was not sent within " + millis(timeout)
                        : "and its thread was interrupted after " + millis(held.heldFor()))
                + monitors + ". The call fails. What happened so far:\n" + trace();
    }

    /** Called under the lock. */
    private void step(String who, String what) {
        if (steps.size() == STEPS) {
            steps.removeFirst();
        }
        steps.addLast(String.format(Locale.ROOT, "%3d  %+10.3f ms  %s: %s", ++stepCount,
                (System.nanoTime() - opened) / 1e6, who, what));
    }

    private static String who(Strand strand) {
        if (strand != null) {
            return "'" + strand.name() + "' of " + strand.hub().name() + " on " + Thread.currentThread().getName();
        }
        return Hub.current().map(hub -> hub.name() + " on ").orElse("") + Thread.currentThread().getName();
    }

    private static String describe(Call call) {
        return call.callable().getDeclaringClass().getName() + "." + Target.key(call.callable()) + " " + call.phase();
    }

    private static String underMonitors(List<String> monitors) {
        if (monitors == null) {
            return " (its locks cannot be read here)";
        }
        return monitors.isEmpty() ? "" : ", under " + String.join("; ", monitors);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
    }

    private static void requireName(String signal) {
        Objects.requireNonNull(signal, "signal");
        if (signal.isBlank()) {
            throw new IllegalArgumentException("A signal needs a name, e.g. signals.send(\"B read\")");
        }
    }

    private static Duration positive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A hold's timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    /**
     * A call held now, for monitoring.
     * @param signals the name of its {@code Signals}
     * @param signal the signal it waits for
     * @param call what is held, e.g. {@code org.example.Cart.checkout EXIT}
     * @param thread the thread that is parked
     * @param since when the hold began
     * @param heldFor how long it has held so far
     * @param monitors the {@code synchronized} locks the thread holds while held, with the frames that took them
     *        (empty when none, or not known on a virtual thread)
     */
    public record Hold(String signals, String signal, String call, String thread, Instant since, Duration heldFor,
            List<String> monitors) {
    }
}
