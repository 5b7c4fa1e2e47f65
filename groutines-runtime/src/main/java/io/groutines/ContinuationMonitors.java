package io.groutines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The monitors the frames of a suspended continuation hold — asked only when a groutine is about to be resumed on
 * another thread than the one it suspended on, where a monitor it holds (inflated, so owned by that thread) could
 * never be released. Read with the JDK's internal {@code java.lang.LiveStackFrame}, which walks a continuation's
 * frames with their monitors, found through the {@link TrustedLookup}. Part of the runtime's seam to the JVM's internals.
 */
final class ContinuationMonitors {

    private final MethodHandle walker, monitors;

    ContinuationMonitors() throws ReflectiveOperationException {
        Class<?> live = Class.forName("java.lang.LiveStackFrame");
        MethodHandles.Lookup lookup = TrustedLookup.get();
        walker = lookup.findStatic(live, "getStackWalker",
                MethodType.methodType(StackWalker.class, Set.class, ContinuationScope.class, Continuation.class));
        monitors = lookup.findVirtual(live, "getMonitors", MethodType.methodType(Object[].class))
                .asType(MethodType.methodType(Object[].class, Object.class));
    }

    /**
     * @param continuation a suspended continuation
     * @return the monitors its frames hold, innermost frame first; empty when none
     */
    List<Object> of(Continuation continuation) throws Throwable {
        StackWalker frames = (StackWalker) walker.invoke(EnumSet.noneOf(StackWalker.Option.class),
                continuation.getScope(), continuation);
        List<Object> held = new ArrayList<>(0);
        frames.forEach(frame -> {
            Object[] at;
            try {
                at = (Object[]) monitors.invokeExact((Object) frame);
            }
            catch (Throwable ex) {
                throw new IllegalStateException(ex);
            }
            for (Object m : at) {
                if (m != null) { // null: a monitor slot of a block already left
                    held.add(m);
                }
            }
        });
        return held;
    }

    /**
     * Checks the walk against a continuation suspended inside a monitor entered for the purpose.
     * @return {@code null} when it finds exactly that monitor, else what it found
     */
    String check() throws Throwable {
        ContinuationScope scope = new ContinuationScope("groutines-check");
        Object[] lock = { new Object() };
        Continuation inside = new Continuation(scope, () -> {
            synchronized (lock[0]) {
                try {
                    lock[0].wait(1); // inflated: owned by the thread, as a monitor a suspension leaves behind
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                Continuation.yield(scope);
            }
        });
        inside.run();
        List<Object> found = of(inside);
        inside.run();
        return found.size() == 1 && found.get(0) == lock[0] ? null
                : "it finds " + found.size() + " monitor(s) for one held by a suspended continuation";
    }
}
