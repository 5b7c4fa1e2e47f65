package io.groutines.weaving;

import io.groutines.TargetCheck;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The weaver of this JVM: whether it runs, the {@link WeaveScope} it weaves, and whether the calls of a class can
 * reach groutines — the class must be in the scope, and loaded after the weaver started by a class loader it serves.
 *
 * <p>Whether the calls of one target can reach groutines is {@link Reach}'s question.
 *
 * <p>With {@code -javaagent} the weaver starts before the application knows whether groutines are enabled; a Spring
 * Boot application tells it with {@link #decide} as soon as its configuration is read: off, the weaver weaves nothing
 * more; on, it weaves the scope the application's active groutines need.
 */
public final class Weaving {

    /** Where a class stands with respect to the weaver. */
    public enum Status {

        /** The weaver wove the class: its calls reach groutines. */
        WOVEN,

        /** No weaver was started in this JVM (no {@code -javaagent}, no {@link Agent#attach}). */
        NOT_STARTED,

        /** The class is a JDK, AspectJ, groutines or generated class, or not in the {@link WeaveScope}. */
        OUTSIDE_SCOPE,

        /** The class was loaded before the weaver started, or before the application decided, so it stays unwoven. */
        LOADED_BEFORE_WEAVER,

        /** In scope and loaded after the weaver started, yet not woven (see {@link WeaveScope#VERBOSE_PROPERTY}). */
        NOT_WOVEN
    }

    /** How the weaver of this JVM started. */
    public enum Mode {

        /** {@code -javaagent}: the weaver ran before the first application class loaded. */
        AGENT("agent"),

        /** Attached to the running JVM ({@link Agent#attach}): classes loaded before it are not woven. */
        SELF_ATTACH("self-attach"),

        /** No weaver runs: only calls through Spring proxies reach groutines. */
        NONE("none");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final LongAdder WOVEN = new LongAdder();

    private static final LongAdder CACHED = new LongAdder();

    private static final LongAdder AHEAD = new LongAdder();

    private static final LongAdder FAILED = new LongAdder();

    private static volatile boolean started;

    /** Whether the weaver started from {@code -javaagent} (premain). */
    private static volatile boolean premain;

    private static volatile boolean off;

    private static volatile boolean decided;

    private static volatile WeaveScope scope = WeaveScope.empty();

    /** The names of the classes loaded when the weaver started, for targets named by path without loading them. */
    private static Set<String> loadedBeforeNames = Set.of();


    private Weaving() {
    }

    private static volatile String cache = "none";

    /**
     * Sets the scope, before the weaver's transformer is installed.
     * @param weaveScope what to weave
     * @param weaveCache where woven classes are kept across JVMs; null for none
     */
    static synchronized void starting(WeaveScope weaveScope, WeaveCache weaveCache) {
        scope = weaveScope;
        cache = weaveCache != null ? weaveCache.dir().toString() : "none";
        started = true;
        TargetCheck.install(Reach::check);
    }

    /**
     * Records the classes that were loaded when the weaver's transformer was installed (see {@link Timeline}): those of
     * class loaders it serves (the JDK's own, of the bootstrap and platform loaders, are never woven anyway).
     * @param inst the JVM's instrumentation
     * @param atJvmStart whether the weaver started with the JVM ({@code -javaagent}) rather than attached later
     */
    static synchronized void started(Instrumentation inst, boolean atJvmStart) {
        Class<?>[] loaded = Timeline.started(inst, atJvmStart, scope);
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Set<String> names = new HashSet<>();
        for (Class<?> c : loaded) {
            ClassLoader loader = c.getClassLoader();
            if (loader != null && loader != platform) {
                names.add(c.getName());
            }
        }
        loadedBeforeNames = names;
    }

    /** Records that the agent was started by {@code -javaagent}, before anything else. */
    static void premain() {
        premain = true;
    }

    /** @return how the weaver of this JVM started: agent, self-attach, or none */
    public static Mode mode() {
        return !started ? Mode.NONE : premain ? Mode.AGENT : Mode.SELF_ATTACH;
    }

    /** @return whether a weaver was started in this JVM by the groutines agent */
    public static boolean isStarted() {
        return started;
    }

    /**
     * @return the directory where the weaver keeps what it wove for the next JVM (see {@code WeaveCache}), or
     *         {@code none}: in a launch the production guard refuses, with {@code -Dgroutines.weave.cache=false} or
     *         {@code -Dgroutines.weave.verbose=true}, or when no weaver runs
     */
    public static String cache() {
        return cache;
    }

    /** @return whether the application has told the weaver what to weave (see {@link #decide}) */
    public static boolean isDecided() {
        return decided;
    }

    /** @return the scope the weaver weaves now; empty when no weaver runs */
    public static WeaveScope scope() {
        return scope;
    }

    /**
     * @return classes woven so far, classes the weaver failed on (left unwoven), how many of the woven were taken
     *         from the weaving cache (woven by an earlier JVM), and how many were woven ahead of their loading, on the
     *         weaver's own thread
     */
    public static long[] counts() {
        return new long[] { WOVEN.sum(), FAILED.sum(), CACHED.sum(), AHEAD.sum() };
    }

    /**
     * The application's decision, for a weaver started with {@code -javaagent} before the application knew whether
     * groutines run. Classes loaded from now on are woven when {@code weave} and they are in the scope; with
     * {@code weave} false, none is. Classes woven before stay woven (dormant, they cost about nothing).
     * @param weave whether groutines run
     * @param weaveScope what they need woven (ignored when {@code weave} is false)
     */
    public static void decide(boolean weave, WeaveScope weaveScope) {
        decide(weave, weaveScope, Thread.currentThread().getContextClassLoader());
    }

    /**
     * The application's decision, as {@link #decide(boolean, WeaveScope)}, naming its class loader: a decision made
     * again from another class loader is a restart of the application in this JVM (Spring Boot DevTools), whose
     * library classes stay loaded and unwoven. The declared targets among them that are methods are then observed
     * where the application's classes, loaded from now on, call them ({@link CallSiteWeaver}).
     * @param weave whether groutines run
     * @param weaveScope what they need woven (ignored when {@code weave} is false)
     * @param application the application's class loader
     */
    public static synchronized void decide(boolean weave, WeaveScope weaveScope, ClassLoader application) {
        off = !weave;
        if (weave) {
            scope = weaveScope;
        }
        decided = true;
        Class<?>[] loaded = Timeline.decided(Timeline.Kind.RUN, application, scope, off);
        CallSiteWeaver.watch(weave ? scope.targets() : List.of(), application, loaded);
        ClassLoader replaced = Timeline.replacedApplication();
        if (replaced != null) {
            AspectjWeavers.release(replaced);
        }
    }

    /**
     * Adds to what the weaver weaves, without narrowing it: for a JVM that runs several applications one after
     * another (a test suite), each needing its own groutines' classes woven.
     * @param more the scope one of them needs
     */
    public static void widen(WeaveScope more) {
        widen(more, Thread.currentThread().getContextClassLoader());
    }

    /**
     * As {@link #widen(WeaveScope)}, naming the class loader of the application (a test's context) that needs it.
     * @param more the scope it needs
     * @param application its class loader
     */
    public static synchronized void widen(WeaveScope more, ClassLoader application) {
        off = false;
        scope = scope.withAll(more);
        Timeline.decided(Timeline.Kind.TEST_CONTEXT, application, scope, false);
    }

    /** Whether the weaver is given this class now; asked for every class loaded. */
    static boolean accepts(String binaryName) {
        return !off && scope.contains(binaryName);
    }

    /** @return whether the weaver may weave anything now: false once the application said groutines do not run */
    static boolean isWeaving() {
        return !off;
    }

    static void woven() {
        WOVEN.increment();
    }

    static void cached() {
        CACHED.increment();
    }

    static void wovenAhead() {
        AHEAD.increment();
    }

    static void failed() {
        FAILED.increment();
    }

    /**
     * @param type a class
     * @return whether, and if not why not, its calls reach groutines
     */
    public static Status status(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isHidden() || isJdk(type)
                || WeaveScope.isNeverWoven(type.getName())) {
            return Status.OUTSIDE_SCOPE;
        }
        if (!started) {
            return Status.NOT_STARTED;
        }
        if (isWoven(type)) {
            return Status.WOVEN;
        }
        if (!scope.contains(type.getName())) {
            return Status.OUTSIDE_SCOPE;
        }
        return Timeline.loadedTooEarly(type).isPresent() ? Status.LOADED_BEFORE_WEAVER : Status.NOT_WOVEN;
    }

    /**
     * @param type a class
     * @return whether it is the JDK's: defined by the bootstrap or platform loader, or in a {@code java.*} or
     *         {@code jdk.*} module of the boot layer — not by its package's name ({@code javax.cache} is a library)
     */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        Module module = type.getModule();
        return loader == null || loader == ClassLoader.getPlatformClassLoader()
                || module.isNamed() && module.getLayer() == ModuleLayer.boot()
                        && (module.getName().startsWith("java.") || module.getName().startsWith("jdk."));
    }

    /**
     * AspectJ's weaver adds a static field {@code ajc$tjp_N} for each join point it advises with the groutines
     * aspects, which use {@code thisJoinPointStaticPart} at every one; the {@link DirectWeaver} one field,
     * {@value WovenCode#MARKER}. Reading declared fields neither initializes the class
     * nor runs its code.
     */
    static boolean isWoven(Class<?> type) {
        try {
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        && (f.getName().startsWith("ajc$tjp_") || f.getName().equals(WovenCode.MARKER))) {
                    return true;
                }
            }
        }
        catch (LinkageError ex) {
            return false;
        }
        return false;
    }

    /**
     * The targets whose classes were loaded before the weaver started: their calls can never reach groutines.
     * Looks at class names only, so it loads nothing.
     * @param targetPaths targets as {@code FunctionCall.of(String)} takes them
     * @return those of them that the weaver came too late for, in the given order
     */
    public static List<String> loadedBeforeWeaving(Collection<String> targetPaths) {
        List<String> late = new ArrayList<>();
        synchronized (Weaving.class) {
            if (!started) {
                return List.copyOf(targetPaths);
            }
            for (String path : targetPaths) {
                String cls = WeaveScope.classOf(path);
                if (loadedBeforeNames.contains(cls) || loadedBeforeNames.contains(nestedBinaryName(cls))) {
                    late.add(path);
                }
            }
        }
        return late;
    }

    /** org.example.Outer.Inner as a binary name, org.example.Outer$Inner, when the last part looks nested. */
    static String nestedBinaryName(String cls) {
        int dot = cls.lastIndexOf('.');
        int before = dot > 0 ? cls.lastIndexOf('.', dot - 1) : -1;
        if (dot > 0 && Character.isUpperCase(cls.charAt(before + 1))) {
            return cls.substring(0, dot) + "$" + cls.substring(dot + 1);
        }
        return cls;
    }
}
