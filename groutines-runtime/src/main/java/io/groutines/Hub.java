package io.groutines;

import io.groutines.internal.GroutineMethod;
import io.groutines.internal.Scope;
import io.groutines.internal.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>Hubs bound on one thread nest: a hub opened while another is bound shadows it, and dispatch consults the
 * innermost hub, then the ones it was bound over (a test's hub sees the calls of a request served on the test's
 * thread). A hub is used by one thread at a time; a request that moves between threads re-binds its hub with
 * {@link #bind()}.
 *
 * <p><b>Monitors.</b> Spawn where the thread holds no monitor ({@code synchronized}): on JDK 25 a coroutine first
 * started inside a {@code synchronized} block takes the lock with it when it suspends. With assertions enabled, or
 * with {@code -Dgroutines.checkMonitors=true}, {@code spawn} checks this and refuses. Resuming a groutine under a
 * monitor — when a call inside a {@code synchronized} block triggers it — is safe.
 */
public final class Hub implements AutoCloseable {

    private static final AtomicLong NAMES = new AtomicLong();

    private final Scope scope;

    private Hub(Scope scope) {
        this.scope = scope;
        scope.attach(this);
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
        hub.scope.bind();
        return hub;
    }

    /**
     * Creates a hub bound to no thread; {@link #bind()} it where its scope runs.
     * @param name for messages and monitoring
     * @return the hub
     */
    public static Hub create(String name) {
        return new Hub(Scope.create(Objects.requireNonNull(name, "name")));
    }

    /** @return the innermost hub bound to the calling thread, if any */
    public static Optional<Hub> current() {
        Scope scope = Scope.current();
        return scope == null ? Optional.empty() : Optional.of(of(scope));
    }

    static Hub of(Scope scope) {
        Object handle = scope.handle();
        return handle instanceof Hub hub ? hub : new Hub(scope);
    }

    /**
     * Binds this hub to the calling thread, over any hub bound there, until the binding is closed.
     * @return the binding; closing it restores what was bound before
     * @throws IllegalStateException when the hub is closed or bound to a thread already
     */
    public Binding bind() {
        scope.bind();
        return new Binding(scope);
    }

    /** @return the hub's name */
    public String name() {
        return scope.name();
    }

    /** @return whether the hub has not been closed */
    public boolean isOpen() {
        return scope.isOpen();
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
        Task task = scope.spawn(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
        return Strand.of(task);
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
        List<Strand> strands = new ArrayList<>(methods.size());
        for (GroutineMethod m : methods) {
            strands.add(Strand.of(scope.spawn(m.name(), m.body(groutines))));
        }
        return strands;
    }

    /** @return the groutines of this hub that have not ended, in spawn order */
    public List<Strand> strands() {
        return scope.tasks().stream().map(Strand::of).toList();
    }

    /**
     * Kills every groutine of the hub (the newest first; each runs its {@code finally} blocks now), and unbinds the
     * hub from the calling thread if it is bound there. Closing a closed hub does nothing. An exception thrown by a
     * dying groutine is rethrown after all of them are dead.
     */
    @Override
    public void close() {
        scope.close();
    }

    @Override
    public String toString() {
        return scope.toString();
    }

    /**
     * A hub bound to a thread; {@link #close()} unbinds it and restores the hub bound there before, if any.
     */
    public static final class Binding implements AutoCloseable {

        private final Scope scope;

        private Binding(Scope scope) {
            this.scope = scope;
        }

        /**
         * Unbinds the hub from the calling thread.
         * @throws IllegalStateException when called on another thread, or out of order
         */
        @Override
        public void close() {
            scope.unbind();
        }
    }
}
