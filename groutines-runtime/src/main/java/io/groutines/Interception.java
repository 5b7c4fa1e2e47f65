package io.groutines;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Executable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point of woven code: what the groutines aspects call around an intercepted method or constructor. Not
 * for groutines, which wait with {@link FunctionCall#await(Phase)}.
 *
 * <p>The protocol, for one call:
 * <pre>{@code
 * if (!Interception.armed()) return proceed(args);                    // dormant: one volatile read
 * if (!Interception.awaits(name)) return proceed(args);               // nobody waits for a method of this name
 * Call call = Interception.enter(callable, receiver, args);           // ENTER dispatch; may throw
 * if (call == null) return proceed(args);                             // no groutine here waits for it
 * if (Interception.skipsOriginal(call)) return Interception.exit(call, null, null);
 * Object result;
 * try { result = proceed(Interception.arguments(call)); }
 * catch (Throwable ex) { return Interception.exit(call, null, ex); }  // EXIT dispatch; rethrows unless replaced
 * return Interception.exit(call, result, null);                       // EXIT dispatch; may replace or throw
 * }</pre>
 * Nothing here allocates until a groutine of a hub bound to the calling thread waits for the callable.
 *
 * <p>The protocol is written out in two forms. The aspects' around advice for methods of up to eight parameters,
 * the hot path, each bind their arguments one by one and run it inline (generated from one template at build time,
 * see the runtime's {@code src/build/java/AroundAdvice.java}); everything that holds the arguments as an array
 * (methods of more parameters, calls through a Spring proxy, tests) goes through {@link #intercept}, the one place
 * that runs it for an array.
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

    /** The proxied call whose target's execution is under way on this thread, if any. */
    private static final ThreadLocal<Proxied> PROXIED = new ThreadLocal<>();

    private Interception() {
    }

    /**
     * Call waiters of all hubs by the name of the method they wait for ({@code <init>} for constructors). When some
     * groutine waits anywhere, a woven call of another name still proceeds at once: under load, some request's
     * groutine almost always waits somewhere, and the application's own classes are woven.
     */
    private static final ConcurrentHashMap<String, Integer> NAMES = new ConcurrentHashMap<>();

    /** @return whether any groutine anywhere waits for a call; when not, woven code proceeds at once */
    public static boolean armed() {
        return waiters != 0;
    }

    /**
     * Asked by woven code once {@link #armed()} said yes.
     * @param name a method's name, or {@code <init>} for a constructor
     * @return whether any groutine anywhere waits for a call of a method or constructor of that name; when not, the
     *         call proceeds at once
     */
    public static boolean awaits(String name) {
        return NAMES.containsKey(name);
    }

    static void arm(String name) {
        NAMES.merge(name, 1, Integer::sum);
        WAITERS.getAndAdd(1);
    }

    static void disarm(String name) {
        WAITERS.getAndAdd(-1);
        NAMES.computeIfPresent(name, (n, count) -> count == 1 ? null : count - 1);
    }

    /**
     * ENTER: hands the call to the groutines of the calling thread's hubs that wait for it at ENTER.
     * @param callable the method or constructor being executed
     * @param receiver the object the method runs on, or {@code null} for static methods and constructors at ENTER
     * @param args the arguments; groutines may change them in place
     * @return the call to proceed with and to pass to {@link #exit}, or {@code null} when no groutine here waits for
     *         the callable (then {@code exit} must not be called)
     */
    public static Call enter(Executable callable, Object receiver, Object[] args) {
        return enter(callable, receiver, args, true);
    }

    /**
     * ENTER of a join point whose arguments and result can be read, not replaced: a constructor observed at its
     * execution.
     * @param callable the constructor
     * @param args its arguments
     * @return the call, or {@code null} when no groutine here waits for the callable
     */
    public static Call observe(Executable callable, Object[] args) {
        return enter(callable, null, args, false);
    }

    private static Call enter(Executable callable, Object receiver, Object[] args, boolean replaceable) {
        if (waiters == 0 || !NAMES.containsKey(Target.key(callable))) {
            return null;
        }
        Binding binding = Binding.innermost();
        if (binding == null) {
            return null;
        }
        Proxied proxied = PROXIED.get();
        if (proxied != null && proxied.isSameCall(receiver, callable)) {
            return null; // the proxy target's side of a call already dispatched at its proxy
        }
        return Dispatcher.enter(binding, callable, receiver, null, null, args, replaceable);
    }

    /**
     * ENTER of a call that arrives through a proxy (Spring AOP: a repository, an {@code @Transactional} bean, an HTTP
     * interface client): one call, dispatched once — to the groutines waiting for the method the caller invoked on
     * the proxy, or for the target's method that implements it, on the proxy or on the target. The target's own
     * woven execution inside this call is the same call and is not dispatched again; {@link #exit} ends the call.
     * @param invoked the method invoked on the proxy (an interface's, or the class's for a class proxy)
     * @param implementation the target's method that runs, or {@code invoked} when there is no target
     * @param proxy the proxy
     * @param target the proxy's target, or {@code null} (a derived query, an HTTP interface)
     * @param args the arguments; groutines may change them in place
     * @return the call, or {@code null} when no groutine here waits for it
     */
    public static Call enterProxied(Executable invoked, Executable implementation, Object proxy, Object target,
            Object[] args) {
        if (waiters == 0 || !NAMES.containsKey(Target.key(implementation)) && !NAMES.containsKey(Target.key(invoked))) {
            return null;
        }
        Binding binding = Binding.innermost();
        if (binding == null) {
            return null;
        }
        Invocation invocation = Dispatcher.enter(binding, implementation, target, invoked, proxy, args, true);
        if (invocation != null && target != null) {
            invocation.proxiedBefore = PROXIED.get();
            invocation.proxied = true;
            PROXIED.set(new Proxied(target, implementation));
        }
        return invocation;
    }

    /**
     * What an intercepted call runs when it proceeds: the original method's body, or what stands for it (the rest of
     * a proxy's chain).
     * @param <T> what it proceeds from (a join point, a method invocation), passed in so that the function captures
     *        nothing and costs no allocation
     */
    @FunctionalInterface
    public interface Proceed<T> {

        /**
         * @param from what it proceeds from
         * @param args the arguments to run with: those of the call, as groutines left them
         * @return what it returned
         * @throws Throwable what it threw
         */
        Object proceed(T from, Object[] args) throws Throwable;
    }

    /**
     * The whole protocol for a call whose arguments are an array: arm check, {@link #enter ENTER}, the original
     * (skipped when a groutine supplied the result) with the arguments groutines left, {@link #exit EXIT}, and the
     * result or exception the caller receives.
     * @param callable the method being executed
     * @param receiver the object it runs on, or {@code null} for a static method
     * @param args the arguments; groutines may change them in place
     * @param from what {@code original} proceeds from
     * @param original the method's body
     * @return what the caller receives
     * @throws Throwable what the caller receives instead: the method's exception, or a groutine's
     */
    public static <T> Object intercept(Executable callable, Object receiver, Object[] args, T from, Proceed<T> original)
            throws Throwable {
        return intercept(null, null, callable, receiver, args, from, original);
    }

    /**
     * {@link #intercept} for a call through a proxy, entered as {@link #enterProxied} enters it.
     * @param invoked the method invoked on the proxy
     * @param proxy the proxy
     * @param implementation the target's method that runs, or {@code invoked} when there is no target
     * @param target the proxy's target, or {@code null}
     * @param args the arguments; groutines may change them in place
     * @param from what {@code original} proceeds from
     * @param original the rest of the proxy's chain
     * @return what the caller receives
     * @throws Throwable what the caller receives instead
     */
    public static <T> Object interceptProxied(Executable invoked, Object proxy, Executable implementation, Object target,
            Object[] args, T from, Proceed<T> original) throws Throwable {
        return intercept(invoked, proxy, implementation, target, args, from, original);
    }

    private static <T> Object intercept(Executable invoked, Object proxy, Executable callable, Object receiver,
            Object[] args, T from, Proceed<T> original) throws Throwable {
        if (!armed()) {
            return original.proceed(from, args);
        }
        Call call = invoked == null ? enter(callable, receiver, args)
                : enterProxied(invoked, callable, proxy, receiver, args);
        if (call == null) {
            return original.proceed(from, args);
        }
        if (skipsOriginal(call)) {
            return exit(call, null, null);
        }
        Object result;
        try {
            result = original.proceed(from, arguments(call));
        }
        catch (Throwable ex) {
            return exit(call, null, ex);
        }
        return exit(call, result, null);
    }

    /**
     * @param call what {@link #enter} returned
     * @return whether a groutine supplied the result at ENTER, so that the original must not run
     */
    public static boolean skipsOriginal(Call call) {
        return ((Invocation) call).replaced();
    }

    /**
     * @param call what {@link #enter} returned
     * @return the arguments to proceed with, as groutines left them
     */
    public static Object[] arguments(Call call) {
        return ((Invocation) call).arguments();
    }

    /**
     * EXIT: hands the outcome to the groutines that wait for it at EXIT, then returns what the caller gets.
     * @param call what {@link #enter} returned
     * @param result what the callable returned (for a constructor: the new object)
     * @param thrown what it threw, or {@code null}
     * @return the result the caller receives; throws (unchecked at compile time) the exception it receives instead
     */
    public static Object exit(Call call, Object result, Throwable thrown) {
        Invocation invocation = (Invocation) call;
        if (invocation.proxied) {
            invocation.proxied = false;
            if (invocation.proxiedBefore == null) {
                PROXIED.remove(); // the thread goes back to its pool as it came
            }
            else {
                PROXIED.set((Proxied) invocation.proxiedBefore);
            }
        }
        invocation.exit(result, thrown);
        Dispatcher.exit(invocation);
        if (invocation.replaced()) {
            return invocation.replacement();
        }
        if (thrown != null) {
            throw Sneaky.rethrow(thrown);
        }
        return result;
    }

    /** A call dispatched at its proxy: the first execution of the same method on its target is the same call. */
    private static final class Proxied {

        private final Object target;

        private final String name;

        private final int arity;

        private boolean seen;

        Proxied(Object target, Executable method) {
            this.target = target;
            this.name = method.getName();
            this.arity = method.getParameterCount();
        }

        boolean isSameCall(Object receiver, Executable callable) {
            if (seen || receiver != target || !callable.getName().equals(name) || callable.getParameterCount() != arity) {
                return false;
            }
            seen = true;
            return true;
        }
    }
}
