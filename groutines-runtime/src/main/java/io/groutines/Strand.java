package io.groutines;

import io.groutines.internal.Scope;
import io.groutines.internal.Task;
import io.groutines.internal.Waiter;

import java.util.Optional;

/**
 * A handle on one groutine — a coroutine that runs on the thread of the code that resumes it and suspends in
 * {@code await}. Made by {@link Hub#spawn}.
 *
 * <p>Like a greenlet, a strand exchanges data with its parent directly: the code that resumes it. Inside the
 * groutine, {@link #switchToParent} suspends it and hands data out; outside, {@link #switchTo} resumes it and hands
 * data in.
 */
public final class Strand {

    private final Task task;

    private Strand(Task task) {
        this.task = task;
        task.attach(this);
    }

    static Strand of(Task task) {
        Object handle = task.handle();
        return handle instanceof Strand strand ? strand : new Strand(task);
    }

    /** @return the groutine running innermost on the calling thread, if the caller is in one */
    public static Optional<Strand> current() {
        Task task = Task.current();
        return task == null ? Optional.empty() : Optional.of(of(task));
    }

    /**
     * Suspends the calling groutine, handing data to the code that resumed it, until that code calls
     * {@link #switchTo}.
     * @param data what the parent's {@code switchTo} returns
     * @return what the parent passes to its next {@code switchTo}
     * @throws IllegalStateException outside a groutine
     */
    public static Object[] switchToParent(Object... data) {
        return Scope.switchToParent(data);
    }

    /**
     * Resumes this groutine, which waits in {@link #switchToParent}, handing it data; returns when it next
     * suspends or ends.
     * @param data what its {@code switchToParent} returns
     * @return what it hands back at its next {@code switchToParent}; empty when it ended or awaits an event or call
     * @throws IllegalStateException when the groutine has ended, is running, or waits for an event or a call
     */
    public Object[] switchTo(Object... data) {
        return Scope.switchInto(task, data);
    }

    /**
     * Ends the groutine: a {@link GroutineExit} is thrown at its suspension point, so that its {@code finally}
     * blocks run now, on the calling thread; it stops waiting for anything. Called from inside the groutine itself,
     * it throws {@code GroutineExit} at once; on a groutine further out on the stack, it takes effect when that
     * groutine next suspends. Killing an ended groutine does nothing.
     */
    public void kill() {
        task.kill("was killed");
    }

    /** @return whether the groutine has not ended */
    public boolean isAlive() {
        return task.isAlive();
    }

    /** @return the name given at spawn */
    public String name() {
        return task.name();
    }

    /** @return the hub the groutine belongs to */
    public Hub hub() {
        return Hub.of(task.scope());
    }

    /** @return what the groutine waits for, e.g. {@code FunctionCall(org.example.Foo.bar) ENTER}; empty when not suspended */
    public Optional<String> waitingFor() {
        Waiter w = task.waiting();
        return w == null ? Optional.empty() : Optional.of(w.toString());
    }

    @Override
    public String toString() {
        return "Strand(" + task + ")";
    }
}
