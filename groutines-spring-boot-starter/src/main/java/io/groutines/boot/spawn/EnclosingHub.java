package io.groutines.boot.spawn;

import io.groutines.Binding;
import io.groutines.Hub;

/**
 * A hub of the application's groutines for a scope that encloses requests served on the same thread — a test's,
 * with {@code @WithGroutines(application = true)}, whose MockMvc requests run on the test's thread. Each such request
 * gets a hub with the application's groutines of its own; while it is bound, this hub steps aside (it is unbound, and
 * bound again when the request's dispatch ends), so that a call inside the request reaches the application's
 * groutines once, and groutines that are not loops are not used up by the first request. Hubs bound below it — the
 * test's own — stay bound: the test's groutines see the calls made inside requests.
 */
public final class EnclosingHub implements AutoCloseable {

    private static final ThreadLocal<EnclosingHub> BOUND = new ThreadLocal<>();

    private static final Runnable NOTHING = () -> {
    };

    private final Hub hub;

    private final Thread thread = Thread.currentThread();

    private Binding binding;

    /** The enclosing hub of this thread that this one was opened over, if any. */
    private EnclosingHub outer;

    private EnclosingHub(Hub hub) {
        this.hub = hub;
    }

    /**
     * Opens a hub bound to the calling thread with the application's active groutines spawned in it.
     * @param spawner the application's groutines
     * @param name the hub's name
     * @param origin what it is for, for monitoring
     * @return the hub; close it on the same thread
     */
    public static EnclosingHub open(GroutineSpawner spawner, String name, String origin) {
        EnclosingHub enclosing = new EnclosingHub(Hub.create(name));
        enclosing.binding = enclosing.hub.bind();
        try {
            spawner.spawnInto(enclosing.hub, origin);
        }
        catch (RuntimeException | Error ex) {
            enclosing.hub.close();
            throw ex;
        }
        enclosing.outer = BOUND.get();
        BOUND.set(enclosing);
        return enclosing;
    }

    /**
     * Called by a request's hub about to be bound to the calling thread: unbinds the enclosing hub of this thread if
     * it is the innermost hub bound here.
     * @return what binds it again, to run once the request's hub is unbound; does nothing when nothing stepped aside
     */
    public static Runnable stepAside() {
        EnclosingHub enclosing = BOUND.get();
        if (enclosing == null || enclosing.binding == null || Hub.current().orElse(null) != enclosing.hub) {
            return NOTHING;
        }
        enclosing.binding.close();
        enclosing.binding = null;
        return () -> {
            if (enclosing.hub.isOpen() && enclosing.binding == null) {
                enclosing.binding = enclosing.hub.bind();
            }
        };
    }

    /** @return the hub */
    public Hub hub() {
        return this.hub;
    }

    /** Kills the hub's groutines and unbinds it. */
    @Override
    public void close() {
        if (Thread.currentThread() == this.thread && BOUND.get() == this) {
            if (this.outer == null) {
                BOUND.remove();
            }
            else {
                BOUND.set(this.outer);
            }
        }
        this.binding = null;
        this.hub.close();
    }
}
