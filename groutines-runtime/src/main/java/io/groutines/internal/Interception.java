package io.groutines.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Member;

/**
 * The entry points that woven code calls around an intercepted method or constructor. Internal; not API.
 *
 * <p>The protocol, for one call:
 * <pre>{@code
 * if (!Interception.armed()) return proceed(args);                  // dormant: one volatile read
 * Invocation inv = Interception.enter(callable, target, args);      // ENTER dispatch, may throw
 * if (inv == null) return proceed(args);                            // nobody here waits for this callable
 * if (inv.skipsOriginal()) return Interception.exit(inv, inv.replacement(), null);
 * Object result;
 * try { result = proceed(inv.arguments()); }
 * catch (Throwable ex) { return Interception.exit(inv, null, ex); } // EXIT dispatch; rethrows unless replaced
 * return Interception.exit(inv, result, null);                      // EXIT dispatch; may replace or throw
 * }</pre>
 * Nothing here allocates until a groutine on the calling thread waits for the callable.
 */
public final class Interception {

    /** Call waiters registered in all hubs of the JVM; 0 means every woven call is dormant. */
    private static volatile int waiters;

    private static final VarHandle WAITERS;

    static {
        try {
            WAITERS = MethodHandles.lookup().findStaticVarHandle(Interception.class, "waiters", int.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private Interception() {
    }

    /** @return whether any groutine anywhere waits for a call; when not, woven code proceeds at once */
    public static boolean armed() {
        return waiters != 0;
    }

    static void arm() {
        WAITERS.getAndAdd(1);
    }

    static void disarm() {
        WAITERS.getAndAdd(-1);
    }

    /**
     * ENTER: hands the call to the groutines of the calling thread's hubs that wait for it at ENTER.
     * @param callable the method or constructor being executed
     * @param target the receiver, or {@code null} for static methods and constructors at ENTER
     * @param args the arguments; groutines may change them in place
     * @return the invocation to proceed with and to pass to {@link #exit}, or {@code null} when no groutine on this
     *         thread waits for the callable (then {@code exit} must not be called)
     */
    public static Invocation enter(Member callable, Object target, Object[] args) {
        return enter(callable, target, args, true);
    }

    /**
     * ENTER, for a join point whose result cannot be replaced (a constructor observed at its execution).
     * @param callable the method or constructor
     * @param target the receiver, or {@code null}
     * @param args the arguments
     * @param resultReplaceable whether groutines may supply the result
     * @return the invocation, or {@code null} when no groutine on this thread waits for the callable
     */
    public static Invocation enter(Member callable, Object target, Object[] args, boolean resultReplaceable) {
        if (waiters == 0) {
            return null;
        }
        Scope scope = Scope.current();
        if (scope == null || !Scope.listens(scope, callable, target)) {
            return null;
        }
        Invocation invocation = new Invocation(scope, callable, target, args, resultReplaceable);
        Scope.dispatch(scope, invocation);
        return invocation;
    }

    /**
     * EXIT: hands the outcome to the groutines that wait for it at EXIT, then returns what the caller gets.
     * @param invocation what {@link #enter} returned
     * @param result what the callable returned (for a constructor: the new object)
     * @param thrown what it threw, or {@code null}
     * @return the result the caller receives; throws (unchecked at compile time) the exception it receives
     */
    public static Object exit(Invocation invocation, Object result, Throwable thrown) {
        invocation.exit(result, thrown);
        Scope.dispatch(invocation.scope(), invocation);
        if (invocation.resultReplaced()) {
            return invocation.replacement();
        }
        if (thrown != null) {
            throw Sneaky.rethrow(thrown);
        }
        return result;
    }
}
