package io.groutines.weaving;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.groutines.discovery.ApplicationCode;

import org.aspectj.weaver.bcel.asm.AsmDetector;

/**
 * The weavers, given only the classes in the {@link WeaveScope} ({@link Weaving#accepts}): the scope is decided here,
 * by name, before anything is parsed, so classes outside it cost one check. A class is woven by the
 * {@link DirectWeaver} where it can ({@link Agent#weavesDirectly}), otherwise by AspectJ's load-time weaver. Never given: classes
 * being redefined or retransformed (AspectJ cannot weave a loaded class again), classes of the bootstrap loader,
 * hidden and generated classes. A failure to weave one class leaves that class unwoven and is reported once, with
 * the class and the cause ({@link WeaverMessages}); it never fails the class's loading, never writes an
 * {@code ajcore.*.txt} file, and never turns the weaver off for the classes after it.
 *
 * <p>With a {@link WeaveCache}, a class woven before (the same bytes, the same weaver) is taken from the cache, and
 * AspectJ is not started for it; a class it weaves is kept there, with the classes AspectJ generated for it. AspectJ's
 * agent itself is started only when a class must be woven: a JVM whose classes all come from the cache never loads
 * AspectJ's weaver.
 *
 * <p>Deciding here also keeps the groutines aspects away from AspectJ: given a class's bytes, AspectJ takes them as
 * that type's definition for its own use from then on, and for an aspect those bytes may carry what an agent
 * before this one added (JaCoCo's probes and constant-dynamic probe array), which AspectJ would then copy into every
 * class it weaves.
 */
final class ScopedWeaver implements ClassFileTransformer {

    /** The class this thread is weaving, for the messages the weaver sends while it does. */
    private static final ThreadLocal<Weave> CURRENT = new ThreadLocal<>();

    /** The loaders AspectJ has been given a class of: the first class of each pays for its weaver's set-up. */
    private static final Set<ClassLoader> SET_UP = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * {@code -Dgroutines.weave.direct=false}: every class is woven by AspectJ's weaver, as before the direct weaver
     * existed — to compare the two, or should the direct weaver be wrong about a class.
     */
    static final String DIRECT_PROPERTY = "groutines.weave.direct";

    /** Whether classes are woven by {@link DirectWeaver} ({@link Agent#weavesDirectly}). */
    private static final boolean DIRECT = Agent.weavesDirectly();

    private static final boolean VERBOSE = Boolean.getBoolean(WeaveScope.VERBOSE_PROPERTY);

    /** The gate in place in this JVM, if any. */
    private static volatile ScopedWeaver installed;

    /** Which loaders resolve the aspects to this weaver's ({@link #seesAspects}). */
    private static final Map<ClassLoader, Boolean> SEES_ASPECTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Supplier<ClassFileTransformer> start;

    private volatile ClassFileTransformer aspectj;

    private final Predicate<String> accepts;

    /** Whether classes are woven by {@link DirectWeaver} where it can, AspectJ's weaver weaving the rest. */
    private final boolean direct;

    private final WeaveCache cache;

    /** Weaves the application's classes before they are loaded; null where it does not ({@link WeaveAhead#wanted}). */
    private final WeaveAhead ahead;

    /**
     * @param aspectj AspectJ's transformer, which weaves every class
     * @param accepts whether a class (binary name) is given to it
     * @param cache where woven classes are kept across JVMs; null for none
     */
    ScopedWeaver(ClassFileTransformer aspectj, Predicate<String> accepts, WeaveCache cache) {
        this(() -> aspectj, false, accepts, cache);
    }

    private ScopedWeaver(Supplier<ClassFileTransformer> start, boolean direct, Predicate<String> accepts,
            WeaveCache cache) {
        this.start = start;
        this.direct = direct;
        this.accepts = accepts;
        this.cache = cache;
        this.ahead = cache != null && WeaveAhead.wanted() ? new WeaveAhead(accepts, cache) : null;
    }

    /**
     * Puts the gate in place; AspectJ's weaving agent is started, as the gate's delegate, when the first class must be
     * woven.
     * @param inst the JVM's instrumentation
     * @param cache where woven classes are kept across JVMs; null for none
     */
    static void install(Instrumentation inst, WeaveCache cache) {
        ScopedWeaver gate = new ScopedWeaver(() -> startAspectJ(inst), DIRECT, Weaving::accepts, cache);
        installed = gate;
        inst.addTransformer(gate);
    }

    /**
     * At the JVM's start, when the application's classes are on the class path: begins weaving them ahead at once, for
     * the system class loader, rather than after the first of them is loaded — AspectJ's set-up for that loader is
     * then made beside the JVM's start too. Not when a Java agent before this one may change the classes' bytes
     * ({@link WeaveAhead#beginNow}).
     * @param loader the system class loader
     * @param classNames the classes to weave ahead (binary names)
     */
    static void weaveAheadFromStart(ClassLoader loader, Collection<String> classNames) {
        ScopedWeaver gate = installed;
        if (gate != null && gate.ahead != null && seesAspects(loader)) {
            gate.ahead.beginNow(loader, null, l -> classNames, gate::weaveAhead);
        }
    }

    private WeaveCache.Entry weaveAhead(ClassLoader loader, String className, ProtectionDomain domain, byte[] bytes) {
        Object event = WeaverEvents.beginWeave();
        return weave(loader, className, domain, bytes, event, true);
    }

    /** Starts AspectJ's weaving agent, and returns the transformer it would have registered, to be called here. */
    private static ClassFileTransformer startAspectJ(Instrumentation inst) {
        Agent.quietDump();
        AspectJVersion.setBuildTime();
        // BCEL's default class repository lists the whole JDK image the first time a woven method needs a cast; the
        // system class loader's resources answer the same questions without listing anything
        org.aspectj.apache.bcel.Repository.setRepository(
                new org.aspectj.apache.bcel.util.ClassLoaderRepository(ClassLoader.getSystemClassLoader()));
        ClassFileTransformer[] registered = new ClassFileTransformer[1];
        Instrumentation capturing = (Instrumentation) Proxy.newProxyInstance(ScopedWeaver.class.getClassLoader(),
                new Class<?>[] { Instrumentation.class }, (proxy, method, args) -> {
                    if (method.getName().equals("addTransformer")) {
                        registered[0] = (ClassFileTransformer) args[0];
                        return null;
                    }
                    try {
                        return method.invoke(inst, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
        org.aspectj.weaver.loadtime.Agent.agentmain("", capturing);
        if (registered[0] == null) {
            throw new IllegalStateException("AspectJ's weaving agent registered no transformer");
        }
        return registered[0];
    }

    private ClassFileTransformer aspectj() {
        ClassFileTransformer transformer = this.aspectj;
        if (transformer == null) {
            synchronized (this) {
                transformer = this.aspectj;
                if (transformer == null) {
                    transformer = this.start.get();
                    this.aspectj = transformer;
                }
            }
        }
        return transformer;
    }

    /** @return the binary name of the class this thread is weaving, or null */
    static String currentClass() {
        Weave weave = CURRENT.get();
        return weave == null ? null : weave.className;
    }

    /** The weaver reported a failure on a class: if it is the one this thread weaves, its result is not kept. */
    static void failed(String className) {
        Weave weave = CURRENT.get();
        if (weave != null && weave.className.equals(className)) {
            weave.failed = true;
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || className == null || classBeingRedefined != null) {
            return null;
        }
        String binaryName = className.replace('/', '.');
        if (!accepts.test(binaryName)) {
            return null;
        }
        Object event = WeaverEvents.beginWeave();
        // woven bytes made for another loader only where this one sees the aspects they call, as the weaver's own
        boolean reuse = cache != null && seesAspects(loader);
        WeaveCache.Entry ahead = reuse && this.ahead != null ? this.ahead.take(binaryName, loader, classfileBuffer) : null;
        WeaveCache.Entry cached = ahead != null ? ahead : reuse ? cache.get(binaryName, classfileBuffer) : null;
        if (cached != null && (cached.generated().isEmpty() && cached.woven() != null && AspectJClosures.uses(cached.woven(), binaryName))) {
            cached = null; // an entry without the closures its bytes need: weave again
        }
        if (cached != null && cache.defineGenerated(cached, loader, protectionDomain)) {
            if (cached.woven() != null) {
                Weaving.woven();
                if (ahead == null) {
                    Weaving.cached();
                }
                else {
                    Weaving.wovenAhead();
                }
            }
            String from = ahead != null ? "ahead" : "cached";
            WeaverEvents.endWeave(event, binaryName, loader, cached.woven() != null ? from : from + " unchanged", false);
            return cached.woven();
        }
        WeaveCache.Entry woven = weave(loader, binaryName, protectionDomain, classfileBuffer, event, false);
        if (woven != null) {
            if (woven.woven() != null) {
                Weaving.woven();
            }
            if (this.ahead != null && isApplicationClass(binaryName) && seesAspects(loader)) {
                this.ahead.begin(binaryName, loader, protectionDomain, classfileBuffer, ScopedWeaver::applicationClasses,
                        this::weaveAhead);
            }
        }
        return woven == null ? null : woven.woven();
    }

    /**
     * Whether a class loader resolves the groutines aspects to the classes this weaver weaves with: a loader that
     * cannot see them (or has a copy of its own) gets nothing woven for another loader, nor from the cache.
     */
    private static boolean seesAspects(ClassLoader loader) {
        Boolean sees = SEES_ASPECTS.get(loader);
        if (sees == null) {
            try {
                sees = Class.forName(Agent.ASPECTS.get(0), false, loader) == Class.forName(Agent.ASPECTS.get(0), false,
                        ScopedWeaver.class.getClassLoader());
            }
            catch (ClassNotFoundException | LinkageError ex) {
                sees = false;
            }
            SEES_ASPECTS.put(loader, sees);
        }
        return sees;
    }

    /** Whether a class is one of the application's own: with an attached weaver, which knows none, every class. */
    private static boolean isApplicationClass(String binaryName) {
        Set<String> application = Weaving.scope().applicationClasses();
        return application.isEmpty() || application.contains(binaryName);
    }

    /** The application's own classes, as the scope lists them, or as the class loader's code shows them. */
    private static Collection<String> applicationClasses(ClassLoader loader) {
        Set<String> application = Weaving.scope().applicationClasses();
        return application.isEmpty() ? ApplicationCode.of(loader).classNames() : application;
    }

    /**
     * Weaves a class on this thread and keeps the result in the cache.
     * @param ahead whether the class is woven ahead of its loading ({@link WeaveAhead})
     * @return what the weaver made of the class (its woven bytes, null when it left the class as it was); null when
     *         it failed so that the class stays unwoven, or, ahead, when the weaver reported a failure
     */
    private WeaveCache.Entry weave(ClassLoader loader, String binaryName, ProtectionDomain protectionDomain,
            byte[] classfileBuffer, Object event, boolean ahead) {
        String outcome = ahead ? " ahead" : "";
        Weave outer = CURRENT.get();
        Weave weave = new Weave(binaryName);
        CURRENT.set(weave);
        boolean setUp = false;
        try {
            DirectWeaver.Woven direct = direct(loader, binaryName, classfileBuffer);
            // the first class AspectJ weaves for a loader pays for its weaver's set-up there (the recorder says so)
            setUp = direct == null && event != null && SET_UP.add(loader);
            byte[] woven = direct != null ? direct.bytes()
                    : aspectj().transform(loader, binaryName.replace('.', '/'), null, protectionDomain, classfileBuffer);
            if (direct == null && !AsmDetector.isAsmAround) {
                // AspectJ could not add the stack maps to this class (it printed why) and turned stack maps off for
                // every class after it; the bytes it returned would not verify. This class stays unwoven, the rest not.
                Throwable cause = AsmDetector.rootCause;
                AsmDetector.rootCause = null;
                AsmDetector.isAsmAround = true;
                WeaverMessages.failed(binaryName, cause, "the weaver could not compute its stack map frames");
                WeaverEvents.endWeave(event, binaryName, loader, "failed" + outcome, setUp, "AspectJ");
                return null;
            }
            boolean changed = woven != null && woven != classfileBuffer;
            List<WeaveCache.Generated> closures = List.of();
            if (cache != null && outer == null && !weave.failed) {
                // (nested in another class's weaving, AspectJ refuses to weave: it does not re-enter; nothing to keep)
                closures = changed && AspectJClosures.uses(woven, binaryName) ? AspectJClosures.of(loader, binaryName) : List.of();
                if (closures != null) {
                    cache.put(binaryName, classfileBuffer, new WeaveCache.Entry(changed ? woven : null, closures));
                }
            }
            WeaverEvents.endWeave(event, binaryName, loader,
                    (weave.failed ? "failed" : changed ? "woven" : "unchanged") + outcome, setUp,
                    direct != null ? "direct" : "AspectJ");
            if (weave.failed && ahead) {
                return null; // the thread that loads the class weaves it again, and the weaver's report is its
            }
            return new WeaveCache.Entry(changed ? woven : null, closures == null ? List.of() : closures);
        }
        catch (Throwable ex) {
            WeaverMessages.failed(binaryName, ex, null);
            WeaverEvents.endWeave(event, binaryName, loader, "failed" + outcome, setUp);
            return null;
        }
        finally {
            if (outer == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Weaves a class with {@link DirectWeaver} where it can: in a loader that sees this runtime, unless AspectJ must
     * see the class (the launch named {@code aop.xml} files of its own, {@link #DIRECT_PROPERTY} is {@code false}).
     * @return the woven class, or {@code null} when AspectJ weaves it
     */
    private DirectWeaver.Woven direct(ClassLoader loader, String binaryName, byte[] bytes) {
        if (!direct || !seesAspects(loader)) {
            return null;
        }
        try {
            DirectWeaver.Woven woven = DirectWeaver.weave(loader, bytes);
            if (VERBOSE) {
                System.err.println("[groutines] " + binaryName + ": " + (woven == null
                        ? "left to AspectJ (a class file older than Java 11, one AspectJ compiled or wove, or one that "
                                + "declares a NAME$original of its own)"
                        : woven.bytes() == bytes ? "nothing to weave"
                        : "woven directly, " + woven.methods() + " methods and " + woven.constructors() + " constructors"));
            }
            return woven;
        }
        catch (RuntimeException | LinkageError ex) {
            // a class file this weaver cannot rewrite (a type its stack maps need is not found as a resource, a
            // constructor near the size limit): AspectJ weaves it, or reports why it cannot
            if (VERBOSE) {
                System.err.println("[groutines] " + binaryName + ": left to AspectJ (" + ex + ")");
            }
            return null;
        }
    }

    /** One class being woven on this thread. */
    private static final class Weave {

        final String className;

        boolean failed;

        Weave(String className) {
            this.className = className;
        }
    }
}
