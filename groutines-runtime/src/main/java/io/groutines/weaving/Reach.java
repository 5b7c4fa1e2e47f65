package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.TargetException;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
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
        if ((status == Weaving.Status.LOADED_BEFORE_WEAVER || status == Weaving.Status.NOT_WOVEN)
                && CallSiteWeaver.watches(e)) {
            seenAtCallSites(call.path(), runs);
            return;
        }
        throw failure(call.path(), runs, status);
    }

    /** The targets already warned about as seen at call sites only, and the moment of the warnings. */
    private static final Set<String> PARTLY_SEEN = ConcurrentHashMap.newKeySet();

    private static volatile int partlySeenAt = -1;

    /** One warning per target and decision: the target fires, but not for every call. */
    private static void seenAtCallSites(String path, Class<?> runs) {
        int moment = Timeline.latest().map(Timeline.Moment::index).orElse(-1);
        if (moment != partlySeenAt) {
            PARTLY_SEEN.clear();
            partlySeenAt = moment;
        }
        if (!PARTLY_SEEN.add(path)) {
            return;
        }
        Unwoven why = unwoven(runs);
        System.getLogger(WeaverMessages.LOGGER).log(System.Logger.Level.WARNING, "Target " + path + ": " + why.cause
                + ". Groutines see the calls to it that the classes loaded since make: their call sites are woven. "
                + "They do not see the calls made from inside libraries, or from classes loaded before; for those, "
                + why.fix);
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
                    ? new TargetException(path, name + " belongs to AspectJ, Byte Buddy or groutines, or is "
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
            case LOADED_BEFORE_WEAVER, NOT_WOVEN -> {
                Unwoven why = unwoven(runs);
                yield new TargetException(path, why.cause, why.fix);
            }
            case WOVEN -> throw new IllegalStateException("woven: " + path);
        };
    }

    /**
     * Why a class in the scope is not woven, and the one fix that works in this launch.
     * @param cause what happened to the class
     * @param fix what makes its calls reach groutines
     */
    record Unwoven(String cause, String fix) {
    }

    private static Unwoven unwoven(Class<?> type) {
        String name = type.getName();
        String by = describe(type.getClassLoader());
        Optional<Timeline.Moment> early = Timeline.loadedTooEarly(type);
        if (early.isPresent()) {
            Timeline.Moment latest = Timeline.latest().orElse(early.get());
            return loadedTooEarly(name, by, early.get(), latest, Timeline.loadedInAnEarlierRun(early.get(), latest));
        }
        Optional<String> notServed = notServed(type.getClassLoader());
        if (notServed.isPresent()) {
            return notServed(name, by, notServed.get(), notServedFix(type.getClassLoader()));
        }
        Optional<String> failure = WeaverMessages.failure(name);
        if (failure.isPresent()) {
            return failed(name, by, failure.get());
        }
        return new Unwoven(name + " is in the weave scope and was loaded by " + by + " while the weaver wove that "
                + "scope, yet it was not woven and the weaver reported no failure",
                "run with -D" + WeaveScope.VERBOSE_PROPERTY + "=true to see what the weaver did with it");
    }

    /**
     * A class loaded before the scope that is in force now included it.
     * @param name the class
     * @param by the class loader that loaded it, as {@link #describe} names it
     * @param first the first moment at which it was seen loaded
     * @param latest the latest moment
     * @param earlierRun whether it was loaded while an earlier run of the application ran, before a restart
     * @return why, and the fix
     */
    static Unwoven loadedTooEarly(String name, String by, Timeline.Moment first, Timeline.Moment latest,
            boolean earlierRun) {
        String include = "-D" + WeaveScope.INCLUDE_PROPERTY + "=" + name;
        if (first.kind() == Timeline.Kind.JVM_START) {
            return new Unwoven(name + " was loaded at JVM start by " + by + ", before the groutines agent started "
                    + "(another -javaagent loaded it, or the JVM took it from an AOT or CDS archive), so it is not "
                    + "woven", "list -javaagent:groutines-runtime-<version>-agent.jar before the other -javaagent "
                            + "options (and make an AOT or CDS archive with the agent on), so that the weaver starts "
                            + "before they load classes, and restart the JVM");
        }
        if (first.kind() == Timeline.Kind.ATTACH) {
            return new Unwoven(name + " was loaded by " + by + " before the weaver was attached to the running JVM "
                    + "(it was started without -javaagent), so it is not woven",
                    "start the JVM with -javaagent:groutines-runtime-<version>-agent.jar so that the weaver runs "
                            + "before any application class is loaded");
        }
        if (latest.kind() == Timeline.Kind.TEST_CONTEXT) {
            return new Unwoven(name + " was loaded by " + by + " before this test's application context said what "
                    + "to weave (an earlier test, another application context or the test engine's discovery loaded "
                    + "it), and it was not in the weave scope then, so it is not woven",
                    "name it in the test JVM's arguments, " + include + " (e.g. in surefire's argLine), so that it "
                            + "is woven however early it loads");
        }
        if (latest.restart()) {
            String when = earlierRun
                    ? "during an earlier run of the application in this JVM, which has been restarted in the same "
                    + "JVM since (a Spring Boot DevTools restart); a restart reloads only the application's own "
                    + "classes, and a loaded class cannot be woven any more"
                    : "while this run of the application started, before it said what to weave, and it was not in "
                    + "the weave scope then";
            return new Unwoven(name + " was loaded by " + by + " " + when + ", so it is not woven",
                    "restart the JVM (stop the application and start it again): DevTools restarts only your classes");
        }
        return new Unwoven(name + " was loaded by " + by + " before the application said what to weave (Spring "
                + "Boot loads some classes before it reads the groutines properties), and the scope the agent "
                + "started with did not include it, so it is not woven",
                "name it on the command line, " + include + ", so that it is woven however early it loads, and "
                        + "restart the JVM");
    }

    /**
     * A class of a class loader the weaver leaves alone.
     * @param name the class
     * @param by its class loader, as {@link #describe} names it
     * @param why why the weaver leaves it alone ({@link #notServed(ClassLoader)})
     * @param fix {@link #notServedFix}
     * @return why, and the fix
     */
    static Unwoven notServed(String name, String by, String why, String fix) {
        return new Unwoven(name + " was loaded by " + by + ", a class loader the weaver does not serve: " + why
                + ", so it is not woven", fix);
    }

    /**
     * A class the weaver failed on.
     * @param name the class
     * @param by its class loader, as {@link #describe} names it
     * @param failure the cause its warning named
     * @return why, and the fix
     */
    static Unwoven failed(String name, String by, String failure) {
        return new Unwoven("the weaver failed on " + name + " when " + by + " loaded it (" + failure + "; a WARN of "
                + WeaverMessages.LOGGER + " said so then), so it runs unwoven",
                "target a method of a class that calls it; -D" + WeaveScope.VERBOSE_PROPERTY + "=true prints "
                        + "everything the weaver says about it");
    }

    /** A class loader as a message names it. */
    static String describe(ClassLoader loader) {
        if (loader == null) {
            return "the JDK's boot class loader";
        }
        if (loader == ClassLoader.getPlatformClassLoader()) {
            return "the JDK's platform class loader";
        }
        if (loader == ClassLoader.getSystemClassLoader()) {
            return "the system class loader (the class path)";
        }
        return loader.getClass().getName() + (loader.getName() != null ? " '" + loader.getName() + "'" : "") + "@"
                + Integer.toHexString(System.identityHashCode(loader));
    }

    /**
     * @param loader a class loader
     * @return why the weaver leaves its classes alone; empty when it weaves them
     */
    static Optional<String> notServed(ClassLoader loader) {
        if (loader == null) {
            return Optional.of("the JDK's classes are never woven");
        }
        String type = loader.getClass().getName();
        if (type.endsWith(".DelegatingClassLoader")) {
            return Optional.of("it is the JDK's reflection class loader");
        }
        if (Arrays.asList(System.getProperty(Agent.SKIP_PROPERTY, "").split(",")).contains(type)) {
            return Optional.of("its class, " + type + ", is listed in -D" + Agent.SKIP_PROPERTY);
        }
        try {
            Class<?> seen = Class.forName(ASPECT, false, loader);
            if (seen != Class.forName(ASPECT, false, Reach.class.getClassLoader())) {
                return Optional.of("it has a copy of its own of the groutines aspects (" + ASPECT + "), which the "
                        + "weaver does not use");
            }
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return Optional.of("it cannot see the groutines aspects (" + ASPECT + ")");
        }
        return Optional.empty();
    }

    /**
     * @param loader a class loader the weaver does not serve
     * @return the fix for its classes
     */
    static String notServedFix(ClassLoader loader) {
        String type = loader == null ? "" : loader.getClass().getName();
        if (Arrays.asList(System.getProperty(Agent.SKIP_PROPERTY, "").split(",")).contains(type)) {
            return "remove " + type + " from -D" + Agent.SKIP_PROPERTY + ", and restart the JVM";
        }
        return "target a method of a class that calls it from a class loader the weaver serves, or let that class "
                + "loader take io.groutines and org.aspectj classes from its parent (the groutines agent's jar)";
    }

    /** The aspect that woven classes call: a class loader the weaver serves resolves it to the agent's. */
    private static final String ASPECT = "io.groutines.weaving.WovenCalls";
}
