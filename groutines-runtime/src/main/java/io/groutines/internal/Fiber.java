package io.groutines.internal;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The continuation a {@link Task} runs in. It is mounted on the thread that resumes it, so the task sees that
 * thread's {@code Thread.currentThread()} and thread locals.
 */
final class Fiber extends Continuation {

    static final ContinuationScope SCOPE = new ContinuationScope("groutines");

    final Task task;

    Fiber(Task task, Runnable body) {
        super(SCOPE, body);
        this.task = task;
    }

    /** @return the task whose fiber is innermost on this thread, or {@code null} outside any groutine */
    static Task currentTask() {
        return Continuation.getCurrentContinuation(SCOPE) instanceof Fiber fiber ? fiber.task : null;
    }

    /** Suspends the innermost fiber; returns when it is resumed. */
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
        throw new PinnedException("Groutine '" + task.name() + "' cannot suspend here: " + where
                + " (Pinned: " + reason + "). Await in ordinary code, not inside a static initializer or native callback.");
    }

    /** A suspension refused by the JVM; the task keeps running. */
    static final class PinnedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        PinnedException(String message) {
            super(message);
        }
    }
}
