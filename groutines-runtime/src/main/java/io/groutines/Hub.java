package io.groutines;

import io.groutines.discovery.GroutineMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The groutines of one scope — one request, one test, one job — and the place their calls and events are
 * dispatched. While a hub is bound to a thread, calls and events on that thread reach its groutines, and only
 * them: the groutines of one request never see the calls of another.
 *
 * <pre>{@code
 * try (Hub hub = Hub.open()) {                 // bound to this thread
 *     hub.spawn(() -> {
 *         Call call = FunctionCall.of("org.example.Foo.bar").await(Phase.ENTER);
 *         call.setArg(0, "changed");
 *     });
 *     foo.bar("original");                     // the groutine runs here, on this thread
 * }                                            // kills what is left, unbinds
 * }</pre>
 *
 * <p><b>Threads.</b> A hub may be bound to several threads at once (a request and the work it hands to other
 * threads); each waiting groutine is resumed by the first call or event that matches it, on that call's thread, and
 * by one thread at a time. Hubs bound on one thread nest: a hub bound while another is bound shadows it, and dispatch
 * consults the innermost hub, then the ones it was bound over, in the order their groutines started waiting.
 */
public final class Hub implements AutoCloseable {

    private static final AtomicLong NAMES = new AtomicLong();

    /** Hubs open and groutines alive in the whole JVM, for {@link #statistics()}. */
    private static final LongAdder OPEN = new LongAdder(), LIVE = new LongAdder();

    final Dispatcher dispatcher = new Dispatcher();

    private final String name;

    /** Copy-on-write: monitoring reads it from other threads, and several threads of one request may spawn. */
    private final List<Strand> strands = new CopyOnWriteArrayList<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private Hub(String name) {
        this.name = name;
        OPEN.increment();
    }

    /**
     * Creates a hub and binds it to the calling thread.
     * @return the hub; close it when its scope ends
     */
    public static Hub open() {
        return open("hub-" + NAMES.incrementAndGet());
    }

    /**
     * Creates a named hub and binds it to the calling thread.
     * @param name for messages and monitoring
     * @return the hub
     */
    public static Hub open(String name) {
        Hub hub = create(name);
        hub.bind();
        return hub;
    }

    /**
     * Creates a hub bound to no thread; {@link #bind()} it where its scope runs.
     * @param name for messages and monitoring
     * @return the hub
     * @throws IllegalStateException when this JVM does not give groutines its continuations
     */
    public static Hub create(String name) {
        Continuations.require();
        return new Hub(Objects.requireNonNull(name, "name"));
    }

    /** @return the innermost hub bound to the calling thread, if any */
    public static Optional<Hub> current() {
        Binding binding = Binding.innermost();
        return binding == null ? Optional.empty() : Optional.of(binding.hub);
    }

    /** @return the hubs bound to the calling thread, innermost first; empty when none */
    public static List<Hub> bound() {
        Binding binding = Binding.innermost();
        if (binding == null) {
            return List.of();
        }
        List<Hub> hubs = new ArrayList<>(2);
        for (Binding b = binding; b != null; b = b.outer) {
            hubs.add(b.hub);
        }
        return hubs;
    }

    /** @return whether this hub is bound to the calling thread (innermost or not) */
    public boolean isBoundHere() {
        Binding innermost = Binding.innermost();
        return innermost != null && innermost.contains(this);
    }

    /** @return hubs, groutines and dispatches of the whole JVM now, and how it checks locks, for monitoring */
    public static Statistics statistics() {
        return new Statistics(OPEN.sum(), LIVE.sum(), Dispatcher.DISPATCHED.sum(), LockCheck.inForce());
    }

    /**
     * Binds this hub to the calling thread, over any hub bound there, until the binding is closed. The hub may be
     * bound to other threads at the same time.
     * @return the binding; closing it restores what was bound before
     * @throws IllegalStateException when the hub is closed or bound to this thread already
     */
    public Binding bind() {
        if (closed.get()) {
            throw new IllegalStateException("Hub '" + name + "' is closed and cannot be bound");
        }
        return Binding.push(this);
    }

    /** @return the hub's name */
    public String name() {
        return name;
    }

    /** @return whether the hub has not been closed */
    public boolean isOpen() {
        return !closed.get();
    }

    /**
     * Spawns a groutine and runs it on the calling thread until it first suspends or ends.
     * @param body the groutine's code
     * @return its strand
     * @throws IllegalStateException when the hub is closed
     */
    public Strand spawn(Runnable body) {
        return spawn("groutine", body);
    }

    /**
     * Spawns a named groutine and runs it on the calling thread until it first suspends or ends. An exception that
     * escapes the groutine before its first suspension propagates out of {@code spawn}.
     * @param name for messages and monitoring
     * @param body the groutine's code
     * @return its strand
     * @throws IllegalStateException when the hub is closed
     */
    public Strand spawn(String name, Runnable body) {
        Strand strand = add(new Strand(this, Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body")));
        strand.start();
        return strand;
    }

    /**
     * Spawns a named groutine that starts when a call comes: as {@code spawn(name, () -> body.accept(call.await(phase)))},
     * except that nothing runs until the call. It waits from the start without suspending, which spares the check of
     * the thread's locks that a suspension costs, and if it is killed before the call, its body never runs. How
     * {@code @Groutine(call = ...)} methods are spawned.
     * @param name for messages and monitoring
     * @param call the call to wait for
     * @param phase when
     * @param body the groutine's code, given the call
     * @return its strand
     * @throws IllegalStateException when the hub is closed
     */
    public Strand spawn(String name, FunctionCall call, Phase phase, Consumer<Call> body) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(body, "body");
        Strand strand = add(new Strand(this, Objects.requireNonNull(name, "name"), value -> body.accept((Call) value)));
        strand.startWaiting(Waiter.call(strand, call, phase));
        return strand;
    }

    /**
     * Spawns a named groutine that starts when an event is fired, as {@link #spawn(String, FunctionCall, Phase,
     * Consumer)} does for a call. How {@code @Groutine(event = ...)} methods are spawned.
     * @param name for messages and monitoring
     * @param event the event to wait for
     * @param body the groutine's code, given the event's data
     * @return its strand
     * @throws IllegalStateException when the hub is closed
     */
    public Strand spawn(String name, Event event, Consumer<Object[]> body) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
        Strand strand = add(new Strand(this, Objects.requireNonNull(name, "name"), value -> body.accept((Object[]) value)));
        strand.startWaiting(Waiter.event(strand, event.name()));
        return strand;
    }

    private Strand add(Strand strand) {
        if (!closed.get()) {
            strands.add(strand);
            LIVE.increment();
            if (!closed.get()) {
                return strand;
            }
            ended(strand); // closed by another thread meanwhile: its close may not have seen this strand
        }
        throw new IllegalStateException("Hub '" + this.name + "' is closed: groutine '" + strand.name()
                + "' cannot be spawned in it");
    }

    /**
     * Spawns every {@link Groutine} method of an object, in method-name order.
     * @param groutines an object whose class declares {@code @Groutine} methods
     * @return their strands
     * @throws TargetException when a trigger is wrong
     * @throws IllegalArgumentException when the class declares no {@code @Groutine} method
     */
    public List<Strand> spawnAll(Object groutines) {
        List<GroutineMethod> methods = GroutineMethod.of(groutines.getClass());
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(groutines.getClass().getName() + " declares no @Groutine method");
        }
        List<Strand> spawned = new ArrayList<>(methods.size());
        for (GroutineMethod method : methods) {
            spawned.add(method.spawnInto(this, groutines));
        }
        return spawned;
    }

    /** @return the groutines of this hub that have not ended, in spawn order */
    public List<Strand> strands() {
        return List.copyOf(strands);
    }

    void ended(Strand strand) {
        if (strands.remove(strand)) {
            LIVE.decrement();
        }
    }

    /**
     * Kills every groutine of the hub, the newest first: each waiting one runs its {@code finally} blocks now, on
     * this thread; one running on another thread ends at its next wait. Then unbinds the hub from the calling
     * thread if it is the innermost hub bound there. Closing a closed hub does nothing. An exception thrown by a dying
     * groutine is rethrown after all of them are dead.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Throwable failure = null;
        // bound while killing, so that finally blocks that fire events or make calls see this hub
        Binding innermost = Binding.innermost();
        Binding binding = innermost != null && innermost.hub == this ? innermost : Binding.over(this);
        try {
            for (int i = strands.size() - 1; i >= 0; i = Math.min(i - 1, strands.size() - 1)) {
                try {
                    strands.get(i).kill(Kill.hubClosed(this));
                }
                catch (Throwable ex) {
                    failure = Sneaky.keepFirst(failure, ex);
                }
            }
            // a groutine the loop found running on another thread may have started waiting again since: its waiter
            // is handed over here, so that it ends now rather than wait for good
            List<Waiter> left = dispatcher.close();
            for (int i = left.size() - 1; i >= 0; i--) {
                try {
                    left.get(i).strand.endClaimed(Kill.hubClosed(this));
                }
                catch (Throwable ex) {
                    failure = Sneaky.keepFirst(failure, ex);
                }
            }
        }
        finally {
            dispatcher.close();
            OPEN.decrement();
            binding.unbind();
        }
        if (failure != null) {
            throw Sneaky.rethrow(failure);
        }
    }

    @Override
    public String toString() {
        return "Hub '" + name + "' (" + (closed.get() ? "closed" : strands.size() + " groutines") + ")";
    }

    /**
     * Hubs, groutines and dispatches of the whole JVM.
     * @param openHubs hubs created and not closed
     * @param liveGroutines groutines spawned that have not ended
     * @param dispatched calls and events handed to groutines so far
     * @param lockCheck how the JVM checks a thread's locks when a groutine suspends, and why that way
     */
    public record Statistics(long openHubs, long liveGroutines, long dispatched, LockCheck lockCheck) {
    }
}
