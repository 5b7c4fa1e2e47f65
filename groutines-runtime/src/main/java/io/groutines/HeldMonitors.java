package io.groutines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code synchronized} locks where they belong when a strand suspends — the one concern of the runtime that
 * touches the JVM's locking.
 *
 * <p>On JDK 25 with its default (lightweight) locking, suspending a continuation moves the thread's whole lock stack
 * — every monitor the thread holds fast-locked, including those taken by the code below the continuation that
 * resumed the strand — into the suspended continuation: the caller's {@code Thread.holdsLock} turns false, its own
 * exit of the block does not release the lock, and other threads can block forever. So before a strand suspends:
 * <ol>
 * <li>when the thread's lock stack is empty ({@link LockStack}, a few nanoseconds), nothing can be carried away and
 * the strand suspends at once — the common case;</li>
 * <li>the monitors the thread holds are read, with the frames that hold them ({@code jdk.internal.vm.ThreadSnapshot},
 * which also tells locks the JIT eliminated, and so are not held);</li>
 * <li>a monitor held by the strand's own frames refuses the wait: a strand may be resumed on another thread, where a
 * lock it carried could not be released — leave the {@code synchronized} block before waiting;</li>
 * <li>a monitor held below the strand — by the code that resumed it — is inflated, by entering it again while another
 * lock is on top of the lock stack: an inflated monitor is owned by the thread, not kept in its lock stack, so it
 * stays with the caller, held, exclusive, and released when the caller leaves its block;</li>
 * <li>after the suspension, the resumer checks that it still holds each of them; if one was carried away after all,
 * the strand is resumed at once — which gives the lock back — and its wait fails with this explanation.</li>
 * </ol>
 */
final class HeldMonitors {

    private static final MethodHandle SNAPSHOT;

    private static final MethodHandle STACK;

    private static final MethodHandle LOCKS;

    private static final MethodHandle DEPTH;

    private static final MethodHandle TYPE;

    private static final MethodHandle OBJECT;

    /**
     * Off only to measure what the protection costs ({@code -Dgroutines.monitors.protect=false}, the benchmarks'
     * baseline). Never switch it off otherwise: a groutine that waits under a lock would then break that lock.
     */
    private static final boolean PROTECT = !"false".equals(System.getProperty("groutines.monitors.protect"));

    /** The outer lock of the inflation: a field of a long-lived object, so that the JIT cannot elide locking it. */
    private static final Object[] ANCHOR = { new Object() };

    static {
        try {
            Class<?> snapshot = Class.forName("jdk.internal.vm.ThreadSnapshot");
            Class<?> lock = Class.forName("jdk.internal.vm.ThreadSnapshot$ThreadLock");
            MethodHandles.Lookup s = MethodHandles.privateLookupIn(snapshot, MethodHandles.lookup());
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(lock, MethodHandles.lookup());
            SNAPSHOT = s.findStatic(snapshot, "of", MethodType.methodType(snapshot, Thread.class))
                    .asType(MethodType.methodType(Object.class, Thread.class));
            STACK = s.findGetter(snapshot, "stackTrace", StackTraceElement[].class)
                    .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
            LOCKS = s.findGetter(snapshot, "locks", lock.arrayType())
                    .asType(MethodType.methodType(Object[].class, Object.class));
            DEPTH = l.findGetter(lock, "depth", int.class).asType(MethodType.methodType(int.class, Object.class));
            TYPE = l.findGetter(lock, "typeOrdinal", int.class).asType(MethodType.methodType(int.class, Object.class));
            OBJECT = l.findGetter(lock, "obj", Object.class).asType(MethodType.methodType(Object.class, Object.class));
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(new IllegalStateException("Groutines need "
                    + Continuations.OPEN + " to keep locks safe when a groutine waits", ex));
        }
    }

    private HeldMonitors() {
    }

    /**
     * Called on the strand's coroutine right before it suspends.
     * @return the monitors of the code below the strand, inflated, for {@link #afterSuspend}; {@code null} for none
     * @throws IllegalStateException when the strand holds a monitor of its own: it may not wait there
     */
    static Object beforeSuspend(Strand strand, Waiter waiter) {
        if (!PROTECT || LockStack.isEmpty()) {
            return null; // nothing is fast-locked, so nothing can be carried away
        }
        Object snapshot;
        StackTraceElement[] stack;
        Object[] locks;
        try {
            snapshot = SNAPSHOT.invokeExact(Thread.currentThread());
            locks = (Object[]) LOCKS.invokeExact(snapshot);
            if (locks == null || locks.length == 0) {
                return null;
            }
            stack = (StackTraceElement[]) STACK.invokeExact(snapshot);
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Groutine '" + strand.name() + "' cannot tell which locks its thread "
                    + "holds, so it may not wait: " + ex, ex);
        }
        int boundary = boundary(stack);
        List<Object> below = null;
        for (Object lock : locks) {
            int depth;
            int type;
            Object monitor;
            try {
                depth = (int) DEPTH.invokeExact(lock);
                type = (int) TYPE.invokeExact(lock);
                monitor = (Object) OBJECT.invokeExact(lock);
            }
            catch (Throwable ex) {
                throw new IllegalStateException(ex);
            }
            if (type != 0 || monitor == null) {
                continue; // eliminated by the JIT: nothing is locked
            }
            if (depth < boundary) {
                throw new IllegalStateException("Groutine '" + strand.name() + "' cannot wait for " + waiter
                        + " inside a synchronized block of its own (it holds " + describe(monitor) + ", taken in "
                        + (depth < stack.length ? stack[depth] : "?") + "): a groutine may be resumed on another "
                        + "thread, which could not release that lock. Leave the synchronized block before waiting.");
            }
            if (below == null) {
                below = new ArrayList<>(2);
            }
            inflate(ANCHOR, monitor);
            below.add(monitor);
        }
        return below;
    }

    /**
     * Called by the resumer once the strand has suspended.
     * @param held what {@link #beforeSuspend} returned
     * @return {@code null} when the resumer still holds every monitor, else the error the strand's wait fails with
     *         (the strand must be resumed with it at once, which gives the monitor back)
     */
    @SuppressWarnings("unchecked")
    static IllegalStateException afterSuspend(Object held, Strand strand) {
        if (held == null) {
            return null;
        }
        for (Object monitor : (List<Object>) held) {
            if (!Thread.holdsLock(monitor)) {
                return new IllegalStateException("Groutine '" + strand.name() + "' cannot wait here: its thread "
                        + "holds " + describe(monitor) + ", taken by the code that resumed it, and this JVM would "
                        + "carry that lock away with the groutine. Wait for a call made outside that synchronized "
                        + "block.");
            }
        }
        return null;
    }

    /**
     * The index, in the snapshot's stack, of the frame that resumed the innermost strand: the first
     * {@code Continuation.run} below the strand's own frames. Frames above it are the strand's.
     */
    private static int boundary(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if ("run".equals(stack[i].getMethodName())
                    && "jdk.internal.vm.Continuation".equals(stack[i].getClassName())) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Enters the monitor again while another one is on top of the thread's lock stack: the JVM then inflates it to
     * a monitor owned by this thread, which the suspension leaves where it is. Never called in the frame that took
     * the monitor (it was taken below the continuation), where the JIT could remove the nested enter.
     */
    private static void inflate(Object[] anchor, Object monitor) {
        synchronized (anchor[0]) {
            synchronized (monitor) {
                anchor[0] = anchor[0]; // a write the JIT must keep inside both blocks
            }
        }
    }

    private static String describe(Object monitor) {
        return monitor.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(monitor));
    }
}
