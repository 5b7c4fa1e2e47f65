package io.groutines;

/**
 * A hub bound to a thread, made by {@link Hub#bind()}; {@link #close()} unbinds it and restores the hub bound there
 * before, if any. The bindings of one thread form a stack, innermost on top, and dispatch walks it from the top.
 */
public final class Binding implements AutoCloseable {

    private static final ThreadLocal<Binding> INNERMOST = new ThreadLocal<>();

    final Hub hub;

    final Binding outer;

    private final Thread thread = Thread.currentThread();

    private boolean closed;

    private Binding(Hub hub, Binding outer) {
        this.hub = hub;
        this.outer = outer;
    }

    /** @return the innermost binding of the calling thread; {@code null} when no hub is bound there */
    static Binding innermost() {
        return INNERMOST.get();
    }

    /** Binds a hub to the calling thread over what is bound there, unless it is bound there already. */
    static Binding push(Hub hub) {
        Binding outer = INNERMOST.get();
        if (outer != null && outer.contains(hub)) {
            throw new IllegalStateException("Hub '" + hub.name() + "' is bound to thread '"
                    + Thread.currentThread().getName() + "' already");
        }
        return over(hub);
    }

    /** Binds a hub to the calling thread over what is bound there, even if it is bound further out. */
    static Binding over(Hub hub) {
        Binding binding = new Binding(hub, INNERMOST.get());
        INNERMOST.set(binding);
        return binding;
    }

    /** @return whether the hub is bound here or further out on the same thread */
    boolean contains(Hub hub) {
        for (Binding b = this; b != null; b = b.outer) {
            if (b.hub == hub) {
                return true;
            }
        }
        return false;
    }

    /** @return the hub this binding binds */
    public Hub hub() {
        return hub;
    }

    /**
     * Unbinds the hub from the calling thread. Closing a closed binding does nothing.
     * @throws IllegalStateException when called on another thread, or out of order
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (thread != Thread.currentThread() || INNERMOST.get() != this) {
            throw new IllegalStateException("Hub '" + hub.name() + "' is not the innermost hub bound to thread '"
                    + Thread.currentThread().getName() + "'; unbind hubs in the reverse order of binding");
        }
        unbind();
    }

    /** Unbinds without the order check: the hub's own close, which runs on the binding's thread. */
    void unbind() {
        closed = true;
        if (outer == null) {
            INNERMOST.remove();
        }
        else {
            INNERMOST.set(outer);
        }
    }
}
