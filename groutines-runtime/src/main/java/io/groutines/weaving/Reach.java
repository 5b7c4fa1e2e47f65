package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.TargetException;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Whether the calls of a target can reach groutines: its class is woven, or its calls go through proxies that
 * dispatch them (the Spring Boot starter's advisor on Spring AOP proxies: repositories, transactional beans, HTTP
 * interface clients). While a weaver runs, every {@code FunctionCall} is checked when it is made: a target that no
 * call can reach throws {@link TargetException} at once, naming the fix, instead of waiting for a call that never
 * comes.
 */
public final class Reach {

    /** Types whose instances are proxies that dispatch their calls themselves (weakly: they may be unloaded). */
    private static final Set<Class<?>> PROXIED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Set while declared triggers are only resolved ({@link #resolvingOnly}). */
    private static final ThreadLocal<Boolean> RESOLVING_ONLY = ThreadLocal.withInitial(() -> false);

    private Reach() {
    }

    /**
     * Records that instances of a type are proxies whose calls reach groutines without weaving (the Spring Boot
     * starter's advisor on Spring AOP proxies): a target named on the type, or on one of its supertypes, can fire.
     * @param type a proxied interface, or a proxied class
     */
    public static void reachedByProxies(Class<?> type) {
        PROXIED.add(type);
    }

    /**
     * @param type a class or interface a target is named on
     * @return whether calls of some proxy implementing it reach groutines
     */
    public static boolean reachableByProxies(Class<?> type) {
        synchronized (PROXIED) {
            for (Class<?> proxied : PROXIED) {
                if (type.isAssignableFrom(proxied)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks a resolved target while a weaver runs (without one, hand-woven code may still dispatch, so nothing is
     * refused): the class whose code runs when it is called must be woven. For an abstract or interface method that
     * is each implementation, which cannot be listed; then the named type must be in the scope.
     * @param call the resolved target
     * @throws TargetException when its calls cannot reach groutines
     */
    public static void check(FunctionCall call) {
        if (Weaving.isStarted() && !RESOLVING_ONLY.get()) {
            require(call);
        }
    }

    /**
     * Runs a check of declared triggers that can only resolve them — whether what they name exists, unambiguously,
     * with parameters that fit — because what else could reach them is not known yet: the Spring Boot starter's check
     * before the application context refreshes, when no proxy exists. {@link #check} checks nothing meanwhile, on
     * this thread; {@link #require} is asked later, once the proxies are known.
     * @param resolution the check
     * @param <T> what it returns
     * @return what it returned
     */
    public static <T> T resolvingOnly(Supplier<T> resolution) {
        boolean outer = RESOLVING_ONLY.get();
        RESOLVING_ONLY.set(true);
        try {
            return resolution.get();
        }
        finally {
            if (outer) {
                RESOLVING_ONLY.set(true);
            }
            else {
                RESOLVING_ONLY.remove();
            }
        }
    }

    /**
     * Like {@link #check(FunctionCall)}, and refuses every target when no weaver runs: for declared triggers at
     * startup, which must be able to fire.
     * @param call the resolved target
     * @throws TargetException when its calls cannot reach groutines
     */
    public static void require(FunctionCall call) {
        if (reachableByProxies(call.type())) {
            return;
        }
        Executable e = call.callable();
        boolean isAbstract = Modifier.isAbstract(e.getModifiers());
        Class<?> runs = isAbstract ? call.type() : e.getDeclaringClass();
        Weaving.Status status = Weaving.status(runs);
        if (status == Weaving.Status.WOVEN
                || isAbstract && (status == Weaving.Status.LOADED_BEFORE_WEAVER || status == Weaving.Status.NOT_WOVEN)) {
            return; // an interface may be loaded early; its implementations are what is woven
        }
        throw failure(call.path(), runs, status);
    }

    private static TargetException failure(String path, Class<?> runs, Weaving.Status status) {
        String name = runs.getName();
        String pkg = runs.getPackageName();
        return switch (status) {
            case NOT_STARTED -> new TargetException(path, "No weaver runs in this JVM, so no call of " + name
                    + " reaches a groutine", "start the JVM with -javaagent:groutines-runtime-<version>-agent.jar, or "
                    + "let the Spring Boot starter attach the weaver at startup (groutines.weave.attach=true)");
            case OUTSIDE_SCOPE -> Weaving.isJdk(runs)
                    ? new TargetException(path, name + " belongs to the JDK (" + (runs.getModule().isNamed()
                    ? "module " + runs.getModule().getName() : "the boot class path") + "), whose classes are never "
                    + "woven", "target the application or library method that calls it")
                    : WeaveScope.isNeverWoven(name) || runs.isHidden()
                    ? new TargetException(path, name + " belongs to AspectJ, ByteBuddy, ClassGraph or groutines, or is "
                    + "generated at run time (a proxy, a lambda, a mock), which are never woven",
                    "target the application or library method that calls it")
                    : Weaving.scope().exclusion(name).isPresent()
                    ? new TargetException(path, name + " is excluded from weaving by "
                    + Weaving.scope().exclusion(name).get() + " (" + WeaveScope.EXCLUDE_PROPERTY + "), which wins over "
                    + "everything the scope includes", "narrow or remove that entry of " + WeaveScope.EXCLUDE_PROPERTY)
                    : new TargetException(path, name + " is outside the weave scope (" + Weaving.scope() + ")",
                    "add it to the scope before the JVM starts: -D" + WeaveScope.INCLUDE_PROPERTY + "=" + name
                            + " (or " + (pkg.isEmpty() ? name : pkg + "..*") + "), or declare the target as a trigger (the Spring "
                            + "Boot starter adds the classes of declared triggers to the scope)");
            case LOADED_BEFORE_WEAVER -> new TargetException(path, name + " was loaded before the weaver started "
                    + "(it attached at run time), so its calls are not woven",
                    "start the JVM with -javaagent:groutines-runtime-<version>-agent.jar so that the weaver runs "
                            + "before any application class is loaded");
            case NOT_WOVEN -> new TargetException(path, name + " is in the weave scope but was not woven: it was "
                    + "loaded before the application said what to weave, its class loader is one the weaver does not "
                    + "serve, or the weaver failed on it (a WARN names the cause)",
                    "name it on the command line, -D" + WeaveScope.INCLUDE_PROPERTY + "=" + name + ", so that it is "
                            + "woven however early it loads; -D" + WeaveScope.VERBOSE_PROPERTY + "=true shows the "
                            + "weaver's messages");
            case WOVEN -> throw new IllegalStateException("woven: " + path);
        };
    }
}
