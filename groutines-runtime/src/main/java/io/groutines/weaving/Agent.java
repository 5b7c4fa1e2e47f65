package io.groutines.weaving;

import io.groutines.discovery.ActiveGroutines;
import io.groutines.discovery.ApplicationCode;
import io.groutines.discovery.GroutineClass;
import io.groutines.discovery.GroutineClasses;
import io.groutines.Interception;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The groutines agent: opens {@code jdk.internal.vm} to the runtime, whose strands run on its continuations, and
 * starts AspectJ's load-time weaver with the groutines aspects on the {@link WeaveScope}.
 *
 * <p>Two ways in:
 * <ul>
 * <li>{@code java -javaagent:groutines-runtime-VERSION-agent.jar[=com.example..*,...] ...} — the weaver runs
 * before any application class is loaded, so everything in the scope is woven. The complete path. In a launch the
 * production guard allows ({@link JvmLaunch}), the application's own classes ({@link ApplicationCode}) are in the
 * scope from the start, so they are woven however early they load (a test framework's discovery, a test slice's
 * annotation), and the {@link WeaveCache} keeps what was woven for the next JVM.</li>
 * <li>{@link #attach()} from a running JVM — loads an agent into it through HotSpot's attach mechanism from this
 * process ({@link SelfAttach}; elsewhere through {@code byte-buddy-agent}). Classes loaded before that are never
 * woven; {@code attach} returns the declared targets it came too late for.</li>
 * </ul>
 *
 * <p>The weaver is configured by a generated {@code aop.xml} in a temporary file, named by the system property
 * {@value #CONFIGURATION_PROPERTY} (appended to, when it was set already). The weaver reads no other
 * configuration unless that property named some, so {@code aop.xml} files that libraries ship are not activated
 * behind the application's back.
 */
public final class Agent {

    /** AspectJ's property: the {@code aop.xml} resources or {@code file:} URLs the weaver reads, {@code ;}-separated. */
    static final String CONFIGURATION_PROPERTY = "org.aspectj.weaver.loadtime.configuration";

    private static boolean started;

    /** System property: the packages in which the agent looks for groutine classes at JVM start. */
    public static final String SCAN_PROPERTY = "groutines.scan-packages";

    /** Whether groutines run; when the launch says false, the agent weaves nothing from the start. */
    static final String ENABLED_PROPERTY = "groutines.enabled";

    /** The groutine classes that run; when the launch names them, only their triggers are woven early. */
    static final String ACTIVE_PROPERTY = "groutines.active";

    /** Whether the application's own classes are woven; when the launch says false, the agent leaves them to Spring. */
    static final String APPLICATION_PACKAGES_PROPERTY = "groutines.weave.application-packages";

    /** The production guard's override; a packaged launch that sets it is treated as the guard will treat it. */
    static final String ALLOW_IN_PRODUCTION_PROPERTY = "groutines.allow-in-production";

    /** AspectJ's property: whether it reads {@code aop.xml} files with its own small parser rather than with JAXP's. */
    static final String LIGHT_PARSER_PROPERTY = "org.aspectj.weaver.loadtime.configuration.lightxmlparser";

    /** AspectJ's property: class loaders (by class name, comma-separated) whose classes the weaver leaves alone. */
    static final String SKIP_PROPERTY = "aj.weaving.loadersToSkip";

    /** AspectJ's property: whether the weaver writes an {@code ajcore.*.txt} file into the working directory when it fails. */
    static final String DUMP_PROPERTY = "org.aspectj.weaver.Dump.exception";

    /** AspectJ's property: the class of its internal trace, which its class-loading entry point reports exceptions to. */
    static final String TRACE_PROPERTY = "org.aspectj.tracing.factory";

    /** The groutines aspects (compiled by ajc after the rest of the runtime, so named here rather than referenced). */
    static final List<String> ASPECTS = List.of("io.groutines.weaving.WovenCalls", "io.groutines.weaving.WideCalls");

    /** The platform loader defines JDK classes only, and cannot see the aspects: the weaver would report errors. */
    private static final String PLATFORM_LOADER = "jdk.internal.loader.ClassLoaders$PlatformClassLoader";

    private Agent() {
    }

    /**
     * Entry point for {@code -javaagent:}, through {@link AgentEntry}, which has checked the JDK.
     * @param args optional weave scope entries, comma-separated (see {@link WeaveScope})
     * @param inst the instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        Weaving.premain();
        long t0 = System.nanoTime();
        LaunchProperties launch = LaunchProperties.ofThisJvm();
        if (launch.getBoolean(ENABLED_PROPERTY).equals(Optional.of(false))) {
            // disabled on the command line: weave nothing from the first class on, and scan nothing
            start(inst, WeaveScope.empty(), null, true);
            Weaving.decide(false, WeaveScope.empty(), ClassLoader.getSystemClassLoader());
            return;
        }
        WeaveScope scope = withDeclaredGroutines(WeaveScope.fromSystemProperties().withIncluded(WeaveScope.parse(args)),
                launch.getList(ACTIVE_PROPERTY).orElse(List.of()));
        boolean allowed = JvmLaunch.ofThisJvm().allows(launch);
        ApplicationCode code = null;
        if (allowed && launch.getBoolean(APPLICATION_PACKAGES_PROPERTY).orElse(true)) {
            code = ApplicationCode.ofThisJvm();
            scope = scope.withApplicationCode(code.classNames(), code.toString());
        }
        long t1 = System.nanoTime();
        WeaveCache cache = allowed ? openCache(launch) : null;
        start(inst, scope, cache, true);
        if (cache != null && code != null && onClassPath(scope.applicationClasses())) {
            // the tests' classes are left to the thread that loads them: a test JVM runs some of them, perhaps one
            Set<String> main = code.mainClassNames();
            ScopedWeaver.weaveAheadFromStart(ClassLoader.getSystemClassLoader(), main);
        }
        WeaverEvents.started(new WeaverEvents.Start("premain", t1 - t0, System.nanoTime() - t1,
                scope.applicationClasses().size(), GroutineClasses.scan(null, List.of()).size(), scope.toString(),
                Weaving.cache()));
    }

    /**
     * Whether the application's classes are the class path's (a build's output, a test JVM, an IDE's run), rather than
     * inside a Spring Boot archive, whose own class loader does not exist yet.
     */
    private static boolean onClassPath(Set<String> applicationClasses) {
        return !applicationClasses.isEmpty() && ClassLoader.getSystemClassLoader()
                .getResource(applicationClasses.iterator().next().replace('.', '/') + ".class") != null;
    }

    /**
     * Entry point for an agent loaded into a running JVM, through {@link AgentEntry}, which has checked the JDK.
     * @param args optional weave scope entries, comma-separated
     * @param inst the instrumentation
     */
    public static void agentmain(String args, Instrumentation inst) {
        LaunchProperties launch = LaunchProperties.ofThisJvm();
        start(inst, WeaveScope.fromSystemProperties().withIncluded(WeaveScope.parse(args)),
                JvmLaunch.ofThisJvm().allows(launch) ? openCache(launch) : null, false);
    }

    /**
     * Before the application's classes load: finds the {@code @Groutines} classes in the application's own code
     * from their class files and adds the classes their triggers name, and their {@code weave} entries, to the
     * scope. Packages to scan: {@value #SCAN_PROPERTY} (comma-separated), all of the application's code when unset.
     * @param active the names of the classes that run, when the launch says ({@value #ACTIVE_PROPERTY}); empty: all
     */
    private static WeaveScope withDeclaredGroutines(WeaveScope scope, List<String> active) {
        String packages = System.getProperty(SCAN_PROPERTY, "");
        List<GroutineClass> found = GroutineClasses.scan(ClassLoader.getSystemClassLoader(),
                Arrays.stream(packages.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList());
        return scope.withGroutines(ActiveGroutines.of(found, active).active());
    }

    /**
     * Starts the agent in this running JVM, unless it runs already, weaving the given scope; every class loaded
     * before this call stays unwoven.
     * @param scope what to weave
     * @return the scope's targets whose classes were loaded before the weaver started — their calls never reach a
     *         groutine; empty when none
     * @throws IllegalStateException when the JVM refuses agents (e.g. a JRE without {@code jdk.attach})
     */
    public static List<String> attach(WeaveScope scope) {
        synchronized (Agent.class) {
            if (!started) {
                Instrumentation inst;
                long t0 = System.nanoTime();
                try {
                    inst = SelfAttach.instrumentation();
                }
                catch (IOException direct) {
                    // elsewhere than HotSpot on Linux: byte-buddy-agent, through a helper JVM where it must
                    try {
                        inst = net.bytebuddy.agent.ByteBuddyAgent.install();
                    }
                    catch (RuntimeException ex) {
                        ex.addSuppressed(direct);
                        throw new IllegalStateException("Cannot attach the groutines agent to this JVM ("
                                + direct.getMessage() + "; " + ex.getMessage()
                                + "); start it with -javaagent:groutines-runtime-<version>-agent.jar instead", ex);
                    }
                }
                long t1 = System.nanoTime();
                // the application has passed its production guard before it asks to attach
                start(inst, scope, openCache(LaunchProperties.ofThisJvm()), false);
                WeaverEvents.started(new WeaverEvents.Start("attach", 0, System.nanoTime() - t0,
                        scope.applicationClasses().size(), 0, scope.toString(), Weaving.cache()));
            }
        }
        return Weaving.loadedBeforeWeaving(scope.targets());
    }

    private static synchronized void start(Instrumentation inst, WeaveScope scope, WeaveCache cache, boolean atJvmStart) {
        if (started) {
            return;
        }
        started = true;
        openContinuations(inst);
        configureWeaver();
        Weaving.starting(scope, cache);
        CallSiteWeaver.install(inst);
        ScopedWeaver.install(inst, cache);
        // after the transformer is in place: a class loaded in between is either woven or in this list
        Weaving.started(inst, atJvmStart);
    }

    /**
     * The weaving cache ({@link WeaveCache}), unless the launch switches it off or asks for the weaver's own reports
     * ({@link WeaveScope#VERBOSE_PROPERTY}), which a class taken from the cache would not give.
     */
    private static WeaveCache openCache(LaunchProperties launch) {
        if (!launch.getBoolean(WeaveCache.ENABLED_PROPERTY).orElse(true) || Boolean.getBoolean(WeaveScope.VERBOSE_PROPERTY)) {
            return null;
        }
        Path dir = launch.get(WeaveCache.DIR_PROPERTY).filter(d -> !d.isBlank()).map(Path::of).orElseGet(WeaveCache::defaultDir);
        // what decides the woven bytes: the aspects, the code that hands classes to AspectJ and keeps its output
        // (the agent's jar), AspectJ (its jar), the weaver's options, the Java version
        String identity = codeOf(Agent.class.getName()) + "\n" + codeOf("org.aspectj.weaver.loadtime.Agent") + "\njava "
                + System.getProperty("java.specification.version") + "\n" + aopXml(false)
                + (weavesDirectly() ? "\ndirect weaver " + DirectWeaver.VERSION : "");
        return WeaveCache.open(dir, identity.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What identifies the code of a class: its jar's path, size and time; for a class in a directory (a build of
     * groutines itself), the bytes of the classes whose changes change what is woven.
     */
    private static String codeOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, Agent.class.getClassLoader()); // not initialized
            CodeSource source = type.getProtectionDomain().getCodeSource();
            Path file = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
            if (file != null && Files.isRegularFile(file)) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
            }
            StringBuilder classes = new StringBuilder(className);
            for (String name : List.of(className, ASPECTS.get(0), ASPECTS.get(1), ScopedWeaver.class.getName(),
                    DirectWeaver.class.getName(),
                    WeaveCache.class.getName(), AspectJClosures.class.getName())) {
                try (InputStream in = type.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    classes.append(' ').append(in == null ? 0 : java.util.Arrays.hashCode(in.readAllBytes()));
                }
            }
            return classes.toString();
        }
        catch (ReflectiveOperationException | IOException | java.net.URISyntaxException | RuntimeException ex) {
            return className + " unknown " + System.nanoTime(); // a weaver nothing identifies uses a cache of its own
        }
    }

    /**
     * Exports {@code java.base/jdk.internal.vm} to the unnamed module of the class loader that loaded the runtime
     * (in a Spring Boot fat jar, the launcher's) and to the system class loader's (where {@code -javaagent} puts
     * the agent jar, and where a fat jar's classes resolve first).
     */
    private static void openContinuations(Instrumentation inst) {
        Module base = Object.class.getModule();
        Set<Module> to = new LinkedHashSet<>();
        to.add(Interception.class.getModule());
        to.add(Agent.class.getModule());
        to.add(ClassLoader.getSystemClassLoader().getUnnamedModule());
        // open, not only export: the runtime reads ThreadSnapshot (which locks the thread holds) to keep them safe;
        // and jdk.internal.misc, whose Unsafe reads the count of the thread's lock stack (io.groutines.LockStack)
        inst.redefineModule(base, Set.of(), Map.of("jdk.internal.vm", to, "jdk.internal.misc", to),
                Map.of("jdk.internal.vm", to), Set.of(), Map.of());
    }

    /**
     * Before any weaver class is initialized: no dump files (unless {@value #DUMP_PROPERTY} was set to {@code true}),
     * and the weaver's exceptions reported as one warning per class ({@link WeaverMessages}) unless a trace was chosen.
     */
    private static void quietWeaver() {
        // first: AspectJ's classes, Dump included, take their trace when they are initialized
        if (System.getProperty(TRACE_PROPERTY) == null) {
            System.setProperty(TRACE_PROPERTY, WeaverMessages.Tracing.class.getName());
        }
        if (System.getProperty(DUMP_PROPERTY) == null) {
            System.setProperty(DUMP_PROPERTY, "false");
        }
    }

    /** When AspectJ's agent starts: in case its Dump was initialized before, e.g. by another agent's AspectJ. */
    static void quietDump() {
        org.aspectj.weaver.Dump.setDumpOnException(Boolean.parseBoolean(System.getProperty(DUMP_PROPERTY)));
    }

    /** The {@code aop.xml} files the launch named itself, before the agent added its own; null for none. */
    private static volatile String givenConfiguration;

    private static volatile boolean configured;

    /**
     * Whether classes are woven by the {@link DirectWeaver}, AspectJ's weaver weaving only what it leaves: unless
     * {@value ScopedWeaver#DIRECT_PROPERTY} is {@code false}, or the launch gave AspectJ {@code aop.xml} files of its
     * own, whose aspects must see every class.
     */
    static boolean weavesDirectly() {
        String given = configured ? givenConfiguration : System.getProperty(CONFIGURATION_PROPERTY);
        return LaunchProperties.ofThisJvm().getBoolean(ScopedWeaver.DIRECT_PROPERTY).orElse(true)
                && (given == null || given.isBlank());
    }

    private static void configureWeaver() {
        quietWeaver();
        try {
            // named by the process rather than by a random name: a random name costs the start of a SecureRandom
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "groutines-aop-" + ProcessHandle.current().pid() + ".xml");
            Files.writeString(file, aopXml(Boolean.getBoolean(WeaveScope.VERBOSE_PROPERTY)));
            file.toFile().deleteOnExit();
            String own = file.toUri().toString();
            String given = System.getProperty(CONFIGURATION_PROPERTY);
            givenConfiguration = given == null || given.isBlank() ? null : given;
            configured = true;
            System.setProperty(CONFIGURATION_PROPERTY, given == null || given.isBlank() ? own : given + ";" + own);
            if ((given == null || given.isBlank()) && System.getProperty(LIGHT_PARSER_PROPERTY) == null) {
                // only the agent's own aop.xml: AspectJ's small parser reads it, without starting a JAXP parser
                System.setProperty(LIGHT_PARSER_PROPERTY, "true");
            }
            String skip = System.getProperty(SKIP_PROPERTY);
            System.setProperty(SKIP_PROPERTY, skip == null || skip.isBlank() ? PLATFORM_LOADER : skip + "," + PLATFORM_LOADER);
        }
        catch (IOException ex) {
            throw new IllegalStateException("The groutines agent cannot write the weaver's configuration to the temporary "
                    + "directory (" + ex.getMessage() + "); set -Djava.io.tmpdir to a writable directory", ex);
        }
    }

    /**
     * The weaver configuration: the groutines aspects and their options. Which classes are woven is decided before
     * the weaver sees them ({@link ScopedWeaver}); the never-woven packages are excluded here too, as a second lock.
     */
    static String aopXml(boolean verbose) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- written by the groutines agent (io.groutines.weaving.Agent) -->\n");
        xml.append("<aspectj>\n");
        // our handler: a weaving failure is one warning naming the class, and never stops the application;
        // javax.* is a library's when the gate passes it (the JDK's classes are known by module and never are)
        xml.append("  <weaver options=\"-XmessageHandlerClass:").append(WeaverMessages.class.getName()).append(' ')
                .append(verbose ? "-verbose -showWeaveInfo" : "-warn:none -Xlint:ignore")
                .append(" -Xset:weaveJavaxPackages=true\">\n");
        for (String never : WeaveScope.NEVER) {
            xml.append("    <exclude within=\"").append(never).append("\"/>\n");
        }
        for (String generated : WeaveScope.GENERATED_EXCLUDES) {
            xml.append("    <exclude within=\"").append(generated).append("\"/>\n");
        }
        xml.append("  </weaver>\n");
        xml.append("  <aspects>\n");
        for (String aspect : ASPECTS) {
            xml.append("    <aspect name=\"").append(aspect).append("\"/>\n");
        }
        xml.append("  </aspects>\n");
        xml.append("</aspectj>\n");
        return xml.toString();
    }
}
