package io.groutines.internal;

import io.groutines.GroutineExit;

/**
 * One groutine: a body running in its own {@link Fiber}, with the state the hub needs to resume, suspend and end
 * it. Internal; the API handle is {@code io.groutines.Strand}.
 *
 * <p>Switches move values and exceptions both ways: {@link #resume} hands a value or an exception to the task's
 * suspension point, and whatever escapes the task's body is rethrown to the code that resumed it.
 */
public final class Task {

    /** Life cycle of a task. */
    public enum State {
        /** Created, not yet run. */
        NEW,
        /** Mounted on a thread: its code is on the stack now. */
        RUNNING,
        /** Waiting in a suspension point for its {@link Waiter} to be triggered. */
        SUSPENDED,
        /** Its body returned or threw. */
        DEAD
    }

    private final Scope scope;

    private final String name;

    private final Fiber fiber;

    private State state = State.NEW;

    private Waiter waiting;

    private Object delivered;

    private Throwable deliveredThrowable;

    private Throwable failure;

    private boolean killed;

    private Object handle;

    /** Data handed to the parent by {@link Scope#switchToParent}. */
    Object[] parentData;

    Task(Scope scope, String name, Runnable body) {
        this.scope = scope;
        this.name = name;
        this.fiber = new Fiber(this, () -> runBody(body));
    }

    /** @return the task running innermost on this thread, or {@code null} outside any groutine */
    public static Task current() {
        Continuations.require();
        return Fiber.currentTask();
    }

    private void runBody(Runnable body) {
        try {
            body.run();
        }
        catch (GroutineExit exit) {
            // a killed groutine ends normally
        }
        catch (Throwable ex) {
            failure = ex;
        }
        finally {
            state = State.DEAD;
            waiting = null;
            scope.ended(this);
        }
    }

    /** @return the name given at spawn */
    public String name() {
        return name;
    }

    /** @return the scope (hub) the task belongs to */
    public Scope scope() {
        return scope;
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /** @return what the task waits for while suspended, or {@code null} */
    public Waiter waiting() {
        return waiting;
    }

    /** @return whether the body has not ended yet */
    public boolean isAlive() {
        return state != State.DEAD;
    }

    /** @return the API object attached to this task, or {@code null} */
    public Object handle() {
        return handle;
    }

    /**
     * Attaches the API object that stands for this task.
     * @param handle the handle
     */
    public void attach(Object handle) {
        this.handle = handle;
    }

    /**
     * Runs the task on the calling thread until it next suspends or ends.
     * @param value what its suspension point returns
     * @param toThrow what its suspension point throws instead, or {@code null}
     * @throws IllegalStateException when the task has ended or is running
     * @throws Throwable anything that escaped the task's body during this run (unchecked at compile time)
     */
    void resume(Object value, Throwable toThrow) {
        if (state == State.DEAD) {
            throw new IllegalStateException("Groutine '" + name + "' has ended and cannot be resumed");
        }
        if (state == State.RUNNING) {
            throw new IllegalStateException("Groutine '" + name + "' is running and cannot be resumed by its own call");
        }
        delivered = value;
        deliveredThrowable = toThrow;
        state = State.RUNNING;
        fiber.run();
        if (state == State.RUNNING) {
            // the fiber yielded without going through suspend(): nothing of ours does that
            state = State.SUSPENDED;
        }
        Throwable escaped = failure;
        if (escaped != null) {
            failure = null;
            throw Sneaky.rethrow(escaped);
        }
    }

    /**
     * Suspends the running task until its waiter is triggered (or it is killed). Called on the task's own fiber.
     * @param waiter what it waits for; already registered with the scope
     * @return the value handed over by the code that resumed it
     */
    Object suspend(Waiter waiter) {
        if (killed) {
            scope.unregister(waiter);
            throw new GroutineExit("Groutine '" + name + "' was killed");
        }
        if (Monitors.CHECKED) {
            try {
                Monitors.requireNoneHeld(name, "wait for " + waiter);
            }
            catch (IllegalStateException ex) {
                scope.unregister(waiter);
                throw ex;
            }
        }
        waiting = waiter;
        state = State.SUSPENDED;
        try {
            Fiber.suspend();
        }
        catch (Fiber.PinnedException ex) {
            state = State.RUNNING;
            waiting = null;
            scope.unregister(waiter);
            throw ex;
        }
        state = State.RUNNING;
        waiting = null;
        Object value = delivered;
        Throwable thrown = deliveredThrowable;
        delivered = null;
        deliveredThrowable = null;
        if (thrown != null) {
            throw Sneaky.rethrow(thrown);
        }
        return value;
    }

    /**
     * Ends the task: a suspended task gets a {@link GroutineExit} at its suspension point and runs its
     * {@code finally} blocks now; the task that is running on this thread gets it thrown at once; a task that is
     * running further out on this thread's stack gets it at its next suspension. An ended task is left alone.
     * @param reason why, for the exception's message
     */
    public void kill(String reason) {
        if (state == State.DEAD) {
            return;
        }
        killed = true;
        if (state == State.SUSPENDED) {
            Waiter w = waiting;
            if (w != null) {
                scope.unregister(w);
            }
            resume(null, new GroutineExit("Groutine '" + name + "' " + reason));
        }
        else if (Fiber.currentTask() == this) {
            throw new GroutineExit("Groutine '" + name + "' " + reason);
        }
    }

    /** Starts the task: runs its body until it first suspends or ends. */
    void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("Groutine '" + name + "' was started already");
        }
        state = State.SUSPENDED;
        resume(null, null);
    }

    @Override
    public String toString() {
        return name + " (" + state.name().toLowerCase() + (waiting != null ? ", waiting for " + waiting : "") + ")";
    }
}
