package io.groutines;

/**
 * One wait of one strand: for a call of a {@link FunctionCall} at a phase, for a named {@link Event}, or for a
 * switch from its parent. A waiter is a registration: the strand's resumer publishes it into its hub's
 * {@link Dispatcher} after the strand has suspended, and exactly one party — a dispatch, a kill, a close, a
 * {@code switchTo} — claims it back, which takes it out of the tables and disarms interception, and then resumes the
 * strand. So a strand is never resumed twice for one wait, whichever threads race for it.
 */
final class Waiter {

    enum Kind {
        CALL, EVENT, PARENT
    }

    /** Where the registration stands; changed under the hub's dispatcher lock (PARENT waiters: by compare-and-set). */
    enum State {
        /** Made by the suspending strand, not yet published by its resumer. */
        PENDING,
        /** In its hub's tables: a dispatch may claim it. */
        REGISTERED,
        /** Taken out by exactly one party, which resumes the strand. */
        CLAIMED,
        /** Refused: its hub had closed when it was to be published; the strand's resumer ends the strand. */
        CANCELLED
    }

    final Strand strand;

    final Kind kind;

    final FunctionCall call;

    final Phase phase;

    final String event;

    /** Order across the hubs of a thread: the order waiters were published. Set under the dispatcher lock. */
    long sequence;

    volatile State state = State.PENDING;

    private Waiter(Strand strand, Kind kind, FunctionCall call, Phase phase, String event) {
        this.strand = strand;
        this.kind = kind;
        this.call = call;
        this.phase = phase;
        this.event = event;
    }

    static Waiter call(Strand strand, FunctionCall call, Phase phase) {
        return new Waiter(strand, Kind.CALL, call, phase, null);
    }

    static Waiter event(Strand strand, String event) {
        return new Waiter(strand, Kind.EVENT, null, null, event);
    }

    static Waiter parent(Strand strand) {
        return new Waiter(strand, Kind.PARENT, null, null, null);
    }

    /** @return the key under which the dispatcher files it: the callable's name or the event's */
    String key() {
        return kind == Kind.CALL ? call.target().name() : event;
    }

    /**
     * Whether a call is the one this waiter waits for, at any phase. A call through a proxy is one call seen two
     * ways: the method the caller invoked on the proxy, and the method of the proxy's target that runs; either
     * matches.
     */
    boolean matches(Invocation.Callee callee) {
        Object instance = call.instance();
        if (instance != null && instance != callee.receiver() && instance != callee.proxy()) {
            return false;
        }
        Target target = call.target();
        return target.matches(callee.callable(), callee.receiver()) || callee.proxy() != null
                && (target.matches(callee.invoked(), callee.proxy()) || target.matches(callee.invoked(), callee.receiver()));
    }

    /**
     * Publishes the registration in the strand's hub. Called by the strand's resumer once the strand has
     * suspended; a PARENT waiter is only marked registered.
     * @return false when the hub is closed: the strand must be resumed with its exit instead
     */
    boolean register() {
        if (kind == Kind.PARENT) {
            state = State.REGISTERED;
            return true;
        }
        return strand.hub().dispatcher.register(this);
    }

    /**
     * Takes the registration back so that the caller, and nobody else, resumes the strand.
     * @return whether the caller claimed it
     */
    boolean claim() {
        if (kind == Kind.PARENT) {
            return STATE.compareAndSet(this, State.REGISTERED, State.CLAIMED);
        }
        return strand.hub().dispatcher.claim(this);
    }

    private static final java.lang.invoke.VarHandle STATE;

    static {
        try {
            STATE = java.lang.invoke.MethodHandles.lookup().findVarHandle(Waiter.class, "state", State.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CALL -> call + " " + phase;
            case EVENT -> "Event(" + event + ")";
            case PARENT -> "a switch from its parent";
        };
    }
}
