package io.groutines.weaving;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aspectj.bridge.AbortException;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.IMessageHandler;
import org.aspectj.weaver.loadtime.ClassLoaderWeavingAdaptor;
import org.aspectj.weaver.loadtime.DefaultWeavingContext;
import org.aspectj.weaver.loadtime.definition.Definition;
import org.aspectj.weaver.tools.WeavingAdaptor;

/**
 * Weaves {@link CallSites} into the classes the weaver weaves, where they call a method that groutines wait for but
 * whose own class can no longer be woven: it is loaded, in the scope, and not woven. That is a library class an
 * application used before it was restarted in the same JVM (Spring Boot DevTools reloads only the application's
 * classes), or one loaded before the application said what to weave. The application's classes that load from then
 * on — after a restart, all of them — have their calls to it observed; calls from classes loaded before, and from
 * inside libraries, are not.
 *
 * <p>The methods are chosen at each {@link Weaving#decide decision} from its declared targets. Nothing chosen: this
 * transformer returns at its first test. Something chosen: a class in the scope whose constant pool names one of the
 * methods is woven here, before the agent's weaver sees it, by a second AspectJ weaver that has the groutines aspects
 * and the call-site advice; the agent's weaver then leaves it as it is (AspectJ weaves a class once: a woven class
 * that was not woven "reweavable" is not woven again, and the agent's weaver does not keep the original bytes that
 * reweaving needs, which would cost every woven class). That second weaver, one per class loader, is made on the
 * loader's first such class and held only as long as the loader lives.
 *
 * <p>Why call sites and not the method itself: AspectJ weaves a class as it is defined, adding fields and methods,
 * which {@code Instrumentation.retransformClasses} forbids for a loaded class (a retransformation may change method
 * bodies only), and the JVM does not hand a loaded class to a load-time weaver again. A body-only rewrite of a loaded
 * library method is what Byteman and Arthas do, by their own bytecode engines; AspectJ's cannot.
 */
final class CallSiteWeaver implements ClassFileTransformer {

    /** What is watched now; {@code null} when nothing is. */
    private static volatile Watch watch;

    /** The abstract aspect (compiled by ajc after this class), which the concrete aspects extend. */
    private static final String ASPECT = "io.groutines.weaving.CallSites";

    /** {@link CallSites} has one advice per arity, up to this one; a method with more parameters is not watched. */
    static final int MAX_PARAMETERS = 8;

    /** Names of concrete aspects, unique in the JVM: a class loader may see several decisions. */
    private static final AtomicInteger ASPECTS = new AtomicInteger();

    /** The method each receiver class runs for a watched method, or {@link #WOVEN} when its class is woven. */
    private static final ClassValue<Map<Method, Method>> RUNS = new ClassValue<>() {
        @Override
        protected Map<Method, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static final Method WOVEN;

    static {
        try {
            WOVEN = Object.class.getMethod("toString");
        }
        catch (NoSuchMethodException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private CallSiteWeaver() {
    }

    /**
     * Installs the transformer, before the weaver's own: a class it weaves is woven whole, the groutines aspects and
     * the call sites, and the weaver's own leaves it as it is.
     * @param inst the JVM's instrumentation
     */
    static void install(Instrumentation inst) {
        inst.addTransformer(new CallSiteWeaver());
    }

    /**
     * Chooses the watched methods for the classes loaded from now on: of the given targets, the methods whose
     * classes are loaded, visible to the application's class loader, in the scope and not woven.
     * @param targets the declared targets, as {@code FunctionCall.of(String)} takes them
     * @param application the application's class loader
     * @param loaded the classes loaded now
     */
    static synchronized void watch(Collection<String> targets, ClassLoader application, Class<?>[] loaded) {
        Map<String, Set<String>> members = new HashMap<>();
        for (String path : targets) {
            String member = memberOf(path);
            if (member.equals("<init>")) {
                continue; // a construction is only observed at its execution: see WovenCalls
            }
            String cls = WeaveScope.classOf(path);
            members.computeIfAbsent(cls, c -> new LinkedHashSet<>()).add(member);
            members.computeIfAbsent(Weaving.nestedBinaryName(cls), c -> new LinkedHashSet<>()).add(member);
        }
        Watch next = members.isEmpty() ? null : Watch.of(members, application == null
                ? ClassLoader.getSystemClassLoader() : application, loaded);
        watch = next == null || next.pointcut.isEmpty() ? null : next;
    }

    /**
     * @param callable a resolved target
     * @return whether its calls are observed at the call sites of classes loaded from the latest decision on
     */
    static boolean watches(Executable callable) {
        Watch w = watch;
        return w != null && callable instanceof Method && callable.getParameterCount() <= MAX_PARAMETERS
                && w.watches(callable.getDeclaringClass(), callable.getName());
    }

    /**
     * The method that a call runs, for the advice at a call site.
     * @param called the method the call site names (resolved from its static type)
     * @param target the receiver, or {@code null} for a static method
     * @return the method of the receiver's class that runs, or {@code null} when that method's class is woven: its
     *         execution dispatches the call, which must not be dispatched twice
     */
    static Method runs(Method called, Object target) {
        Method runs = target == null ? called : RUNS.get(target.getClass()).computeIfAbsent(called,
                m -> implementation(m, target.getClass()));
        if (runs == WOVEN) {
            return null;
        }
        return runs;
    }

    /**
     * Calls a method as a call site would, with other arguments.
     * @param called the method the call site names
     * @param target the receiver, or {@code null} for a static method
     * @param args the arguments
     * @return what it returned; what it threw is thrown as it is
     */
    static Object invoke(Method called, Object target, Object[] args) {
        try {
            called.trySetAccessible();
            return called.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw CallSiteWeaver.<RuntimeException>rethrow(ex.getCause());
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot call " + called + " with the arguments a groutine gave", ex);
        }
    }

    /** Throws a checked exception as the call threw it, undeclared: the call site's caller handles it as before. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable ex) throws T {
        throw (T) ex;
    }

    /**
     * The method a receiver of this class runs for the called one: the first override up from its class, or the
     * called method itself; {@link #WOVEN} when the class that declares it is woven.
     */
    private static Method implementation(Method called, Class<?> receiver) {
        Class<?> owner = called.getDeclaringClass();
        Method runs = called;
        int modifiers = called.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)) {
            for (Class<?> c = receiver; c != null && c != called.getDeclaringClass(); c = c.getSuperclass()) {
                Method m = declared(c, called);
                if (m != null) {
                    owner = c;
                    // a bridge: the override in c takes other parameter types; its class is what matters here
                    runs = m.isBridge() ? called : m;
                    break;
                }
            }
        }
        return Weaving.isWoven(owner) ? WOVEN : runs;
    }

    private static Method declared(Class<?> c, Method called) {
        try {
            Method m = c.getDeclaredMethod(called.getName(), called.getParameterTypes());
            return Modifier.isAbstract(m.getModifiers()) ? null : m;
        }
        catch (NoSuchMethodException ex) {
            return null;
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        Watch w = watch;
        if (w == null || loader == null || className == null || classBeingRedefined != null) {
            return null;
        }
        String binaryName = className.replace('/', '.');
        if (!Weaving.accepts(binaryName) || !w.isCalledIn(classfileBuffer)) {
            return null;
        }
        return w.weave(loader, className, binaryName, protectionDomain, classfileBuffer);
    }

    private static String memberOf(String path) {
        String p = path.strip();
        int paren = p.indexOf('(');
        if (paren >= 0) {
            p = p.substring(0, paren);
        }
        return p.substring(p.lastIndexOf('.') + 1);
    }

    /** The methods watched from one decision on, and the weavers that weave their call sites, one per class loader. */
    private static final class Watch {

        /** The call pointcut, e.g. {@code call(* org.example.Foo.bar(..)) || call(* org.example.Base.bar(..))}. */
        private final String pointcut;

        /** The watched methods, by the class that declares them. */
        private final Map<Class<?>, Set<String>> methods;

        /** Their names as the constant pool of a class that calls one holds them. */
        private final List<byte[]> names;

        private final String aspect;

        /** The weaver of each class loader that has loaded a calling class; the loader is not held by its weaver. */
        private final Map<ClassLoader, WeavingAdaptor> weavers = new WeakHashMap<>();

        private Watch(String pointcut, Map<Class<?>, Set<String>> methods, Set<String> names) {
            this.pointcut = pointcut;
            this.methods = methods;
            this.names = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
            this.aspect = ASPECT + "Of" + ASPECTS.incrementAndGet();
        }

        static Watch of(Map<String, Set<String>> members, ClassLoader application, Class<?>[] loaded) {
            Set<String> calls = new LinkedHashSet<>();
            Map<Class<?>, Set<String>> methods = new WeakHashMap<>();
            Set<String> names = new HashSet<>();
            for (Class<?> c : loaded) {
                Set<String> wanted = members.get(c.getName());
                if (wanted == null || c.isArray() || Weaving.isWoven(c) || !Weaving.scope().contains(c.getName())
                        || !usedBy(application, c)) {
                    continue;
                }
                for (String member : wanted) {
                    for (Class<?> declaring : declaring(c, member)) {
                        calls.add("call(* " + declaring.getName() + "." + member + "(..))");
                        methods.computeIfAbsent(declaring, d -> new HashSet<>()).add(member);
                        names.add(member);
                    }
                }
            }
            return new Watch(String.join(" || ", calls), methods, names);
        }

        /**
         * Whether the application's classes use this class: it is defined by the application's class loader or one
         * it delegates to, and the application's loader has no copy of its own (a restart class loader defines the
         * application's classes again, child first).
         */
        private static boolean usedBy(ClassLoader application, Class<?> c) {
            ClassLoader defining = c.getClassLoader();
            for (ClassLoader l = application; l != null; l = l.getParent()) {
                if (l == defining) {
                    return l == application || !(application instanceof URLClassLoader own)
                            || own.findResource(c.getName().replace('.', '/') + ".class") == null;
                }
            }
            return false;
        }

        /**
         * The types that declare a method of this name that a call to the class's method may name: the class, its
         * superclasses but {@code Object}, its interfaces.
         */
        private static Set<Class<?>> declaring(Class<?> c, String member) {
            Set<Class<?>> found = new LinkedHashSet<>();
            Deque<Class<?>> todo = new ArrayDeque<>(List.of(c));
            Set<Class<?>> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                Class<?> t = todo.poll();
                if (t == Object.class || !seen.add(t)) {
                    continue;
                }
                try {
                    for (Method m : t.getDeclaredMethods()) {
                        if (m.getName().equals(member) && !m.isSynthetic() && !Modifier.isPrivate(m.getModifiers())
                                && m.getParameterCount() <= MAX_PARAMETERS) {
                            found.add(t);
                            break;
                        }
                    }
                }
                catch (LinkageError ex) {
                    continue; // a signature names a class that is missing: no call can name it either
                }
                if (t.getSuperclass() != null) {
                    todo.add(t.getSuperclass());
                }
                todo.addAll(List.of(t.getInterfaces()));
            }
            return found;
        }

        boolean watches(Class<?> declaring, String name) {
            synchronized (methods) {
                Set<String> names = methods.get(declaring);
                return names != null && names.contains(name);
            }
        }

        /** Whether the class file's constant pool holds the name of a watched method: a call to one names it. */
        boolean isCalledIn(byte[] classFile) {
            for (byte[] name : names) {
                if (contains(classFile, name)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(byte[] bytes, byte[] part) {
            outer:
            for (int i = 0, last = bytes.length - part.length; i <= last; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (bytes[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        byte[] weave(ClassLoader loader, String className, String binaryName, ProtectionDomain domain, byte[] bytes) {
            // the class loader's monitor first, as AspectJ's own weaver takes it: defining a class may need it
            synchronized (loader) {
                WeavingAdaptor weaver;
                synchronized (weavers) {
                    weaver = weavers.get(loader);
                }
                if (weaver == null) {
                    weaver = weaver(loader);
                    synchronized (weavers) {
                        weavers.put(loader, weaver);
                    }
                }
                String[] outer = Messages.start();
                try {
                    weaver.setActiveProtectionDomain(domain);
                    byte[] woven = weaver.weaveClass(className, bytes, false);
                    String error = Messages.error();
                    if (error != null) {
                        warn(binaryName, error);
                        return null;
                    }
                    if (woven != null) {
                        Weaving.woven();
                    }
                    return woven;
                }
                catch (Throwable ex) {
                    warn(binaryName, ex.toString());
                    return null;
                }
                finally {
                    weaver.setActiveProtectionDomain(null);
                    Messages.end(outer);
                }
            }
        }

        /**
         * A weaver for one class loader: the groutines aspects, as the agent's weaver has them, and the concrete
         * call-site aspect. It weaves a calling class from its class file, before the agent's weaver, which then
         * leaves the class as it is (AspectJ does not weave a woven class again, and says so only when verbose).
         */
        private WeavingAdaptor weaver(ClassLoader loader) {
            Definition definition = new Definition();
            definition.appendWeaverOptions("-XmessageHandlerClass:" + Messages.class.getName()
                    + " -warn:none -Xlint:ignore");
            definition.getAspectClassNames().addAll(Agent.ASPECTS);
            Definition.ConcreteAspect concrete = new Definition.ConcreteAspect(aspect, ASPECT);
            concrete.pointcuts.add(new Definition.Pointcut("watched", pointcut));
            definition.getConcreteAspects().add(concrete);
            ClassLoaderWeavingAdaptor weaver = new ClassLoaderWeavingAdaptor();
            String[] outer = Messages.start();
            try {
                weaver.initialize(loader, new DefaultWeavingContext(loader) {
                    @Override
                    public List<Definition> getDefinitions(ClassLoader l, WeavingAdaptor adaptor) {
                        return List.of(definition);
                    }
                });
            }
            finally {
                String error = Messages.error();
                Messages.end(outer);
                if (error != null) {
                    warn(null, error);
                }
            }
            return weaver;
        }

        private static void warn(String className, String error) {
            String what = className != null
                    ? "The weaver could not weave the call sites in " + className + " of methods groutines wait for; "
                    + "the class runs without them: its calls to them reach no groutine (" + error + ")"
                    : "The weaver cannot weave call sites of methods groutines wait for (" + error + ")";
            System.getLogger(WeaverMessages.LOGGER).log(System.Logger.Level.WARNING, what);
        }
    }

    /**
     * The messages of the call-site weavers: the first error while one weaves is kept for the one warning of the
     * class, the rest is dropped. Public, because AspectJ makes it by name ({@code -XmessageHandlerClass:}).
     */
    public static final class Messages implements IMessageHandler {

        private static final ThreadLocal<String[]> ERROR = new ThreadLocal<>();

        /** AspectJ makes it, by name. */
        public Messages() {
        }

        /** @return the outer weaving's slot, to give back to {@link #end} (a class may load while one is woven) */
        static String[] start() {
            String[] outer = ERROR.get();
            ERROR.set(new String[1]);
            return outer;
        }

        static String error() {
            String[] error = ERROR.get();
            return error == null ? null : error[0];
        }

        static void end(String[] outer) {
            if (outer == null) {
                ERROR.remove();
            }
            else {
                ERROR.set(outer);
            }
        }

        @Override
        public boolean handleMessage(IMessage message) throws AbortException {
            String[] error = ERROR.get();
            if (IMessage.ERROR.isSameOrLessThan(message.getKind()) && error != null && error[0] == null) {
                error[0] = message.getThrown() != null ? message.getThrown().toString() : message.getMessage();
            }
            return true;
        }

        @Override
        public boolean isIgnoring(IMessage.Kind kind) {
            return !IMessage.ERROR.isSameOrLessThan(kind);
        }

        @Override
        public void dontIgnore(IMessage.Kind kind) {
        }

        @Override
        public void ignore(IMessage.Kind kind) {
        }
    }
}
