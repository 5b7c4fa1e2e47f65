package io.groutines.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Weaves the application's own classes on a thread of its own while the application starts, before they are loaded:
 * the main thread, which would otherwise weave each class as it loads it, finds it woven. A start with an empty
 * {@link WeaveCache} pays for AspectJ's weaving (about a second for fifty classes on a cold JVM); with this, most of
 * it is paid beside the start instead of in it. The result of each class is an entry of the weaving cache, so it is
 * kept for the next JVM too.
 *
 * <p>Where the application's classes are the class path's (a build's output, a test JVM, an IDE's run), it begins at
 * the JVM's start ({@link #beginNow}), and AspectJ's weaver for the class loader is set up on its thread too; inside
 * a Spring Boot archive, whose class loader does not exist then, after the first of the application's classes was
 * woven by the thread that loads it ({@link #begin}). It reads the class files through that loader, skips the
 * classes the cache holds already, and weaves the others in the order the application's code lists them. It does not
 * begin when another agent may change the application's classes before this one ({@link #firstAgent}), or did change
 * the first one; nor on a JVM with a single processor, nor when the launch sets {@value #ENABLED_PROPERTY} to false
 * ({@code -D}, {@code --} or the environment, as {@link LaunchProperties} reads them). It
 * stops when the weaver is told to weave nothing (groutines disabled) and skips what leaves the scope.
 *
 * <p>It loads nothing: classes are read as resources, never defined, so the application's class loading is unchanged.
 * A class is woven once, by whichever thread claims it first: the loading thread claims each class it weaves, and
 * takes a class woven ahead if its bytes are those woven; otherwise it weaves it itself. Weaving ahead claims and
 * weaves a class under the class loader's monitor, which AspectJ takes for every class it weaves for that loader: a
 * loading thread holding that monitor never finds a class half woven ahead, and one that does not waits only for
 * that one class.
 */
final class WeaveAhead {

    /** System property: {@code false} leaves every class to the thread that loads it. */
    static final String ENABLED_PROPERTY = "groutines.weave.ahead";

    /** The name of the thread that weaves ahead. */
    static final String THREAD_NAME = "groutines-weave-ahead";

    /** How long a loading thread waits for a class being woven ahead before it weaves the class itself. */
    private static final long WAIT_SECONDS = 10;

    /** The claim of a class woven by the thread that loaded it. */
    private static final Claim LOADED = new Claim(null);

    private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();

    private final Predicate<String> accepts;

    private final WeaveCache cache;

    private volatile boolean begun;

    /**
     * @param accepts whether a class (binary name) is woven now
     * @param cache the weaving cache, where a class woven ahead is kept too
     */
    WeaveAhead(Predicate<String> accepts, WeaveCache cache) {
        this.accepts = accepts;
        this.cache = cache;
    }

    /**
     * @return whether this JVM weaves ahead: more than one processor, not switched off by the launch, and no agent that
     *         may change the application's classes before the groutines agent sees them ({@link #firstAgent})
     */
    static boolean wanted() {
        return Runtime.getRuntime().availableProcessors() > 1
                && LaunchProperties.ofThisJvm().getBoolean(ENABLED_PROPERTY).orElse(true)
                && firstAgent(ProcessHandle.current().info().arguments().orElse(null), WeaveAhead::isGroutinesAgent);
    }

    /**
     * The loading thread is about to weave a class: claims it, or takes it woven ahead.
     * @param className the class's binary name
     * @param loader its class loader
     * @param bytes the bytes the JVM hands the weaver
     * @return what weaving it ahead made of exactly these bytes; null: the caller weaves it
     */
    WeaveCache.Entry take(String className, ClassLoader loader, byte[] bytes) {
        Claim claim = this.claims.putIfAbsent(className, LOADED);
        if (claim == null || claim == LOADED) {
            return null;
        }
        if (!claim.await()) {
            return null; // (cannot happen while the thread weaving ahead only waits for the loader's monitor)
        }
        // taken once: the memory is freed, and a later load of the class (another loader) finds it in the cache
        this.claims.replace(className, claim, LOADED);
        return claim.entry != null && Arrays.equals(claim.bytes, bytes) ? claim.entry : null;
    }

    /**
     * After the loading thread wove one of the application's classes: begins weaving the others ahead, once.
     * @param woven the class just woven
     * @param loader its class loader, through which the others are read and for which they are woven
     * @param domain its protection domain, given to the classes AspectJ generates while weaving ahead
     * @param bytes the bytes the JVM handed the weaver for it
     * @param classNames the application's classes (binary names), read when weaving begins
     * @param weave weaves one class on the calling thread, as the loading thread would; null when it failed
     */
    void begin(String woven, ClassLoader loader, ProtectionDomain domain, byte[] bytes,
            Function<ClassLoader, Collection<String>> classNames, Weaver weave) {
        if (this.begun || !claimBeginning()) {
            return;
        }
        if (!Arrays.equals(bytes, read(loader, woven))) {
            return; // another agent changes the classes before this one: what is read is not what will be loaded
        }
        startThread(loader, domain, classNames, weave);
    }

    /**
     * At the JVM's start, before any of the application's classes is loaded: begins weaving them ahead for the given
     * loader, once.
     * @param loader the loader that will load the application's classes
     * @param domain the protection domain given to the classes AspectJ generates while weaving ahead; null for the default
     * @param classNames the application's classes (binary names), read when weaving begins
     * @param weave weaves one class on the calling thread, as the loading thread would; null when it failed
     */
    void beginNow(ClassLoader loader, ProtectionDomain domain, Function<ClassLoader, Collection<String>> classNames,
            Weaver weave) {
        if (!claimBeginning()) {
            return;
        }
        startThread(loader, domain, classNames, weave);
    }

    /**
     * Whether no agent runs before the groutines agent that may change the classes' bytes before the weaver sees them:
     * a Java agent, or a native agent given by path, on the command line or in {@code JAVA_TOOL_OPTIONS} or
     * {@code JDK_JAVA_OPTIONS}, before the groutines agent's {@code -javaagent} (all of them, for an agent attached to
     * the running JVM). Native agents given by name, such as the debugger's {@code jdwp}, are not counted. An agent
     * that changes only some classes would make a class woven ahead differ from the class loaded, and AspectJ's
     * closure classes of the one woven ahead would stand in the way of weaving the other.
     * @param arguments the JVM's command line after the executable, or null when not known
     * @param isGroutinesAgent whether the jar a {@code -javaagent} names is the groutines agent
     * @return whether the groutines agent is the first agent that may change classes, or the only one
     */
    static boolean firstAgent(String[] arguments, Predicate<String> isGroutinesAgent) {
        for (String variable : new String[] { "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS" }) {
            String options = System.getenv(variable);
            if (options != null && (options.contains("-javaagent:") || options.contains("-agentpath:"))) {
                return false; // read before the command line's
            }
        }
        if (arguments == null) {
            return false;
        }
        for (String argument : arguments) {
            if (argument.startsWith("-javaagent:")) {
                String path = argument.substring("-javaagent:".length());
                int options = path.indexOf('=');
                path = options < 0 ? path : path.substring(0, options);
                return isGroutinesAgent.test(path);
            }
            if (argument.startsWith("-agentpath:")) {
                return false;
            }
        }
        return true; // none on the command line: this one was attached
    }

    /**
     * Whether a jar is the groutines agent, by its manifest: the class that loads it may come from another jar (the
     * runtime's, on the class path before the agent's).
     */
    private static boolean isGroutinesAgent(String jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar, false)) {
            java.util.jar.Manifest manifest = file.getManifest();
            return manifest != null
                    && AgentEntry.class.getName().equals(manifest.getMainAttributes().getValue("Premain-Class"));
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    private boolean claimBeginning() {
        synchronized (this) {
            if (this.begun) {
                return false;
            }
            this.begun = true;
            return true;
        }
    }

    private void startThread(ClassLoader loader, ProtectionDomain domain,
            Function<ClassLoader, Collection<String>> classNames, Weaver weave) {
        Thread thread = new Thread(() -> {
            try {
                run(loader, domain, classNames.apply(loader), weave);
            }
            catch (Throwable ex) {
                // weaving ahead is only a head start: every class not woven ahead is woven by the thread that loads it
            }
        }, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(ClassLoader loader, ProtectionDomain domain, Collection<String> classNames, Weaver weave) {
        for (String name : classNames) {
            if (!Weaving.isWeaving()) {
                return; // told to weave nothing: off means off
            }
            if (this.claims.containsKey(name) || !this.accepts.test(name)) {
                continue;
            }
            byte[] bytes = read(loader, name);
            if (bytes == null || this.cache.has(name, bytes)) {
                continue; // the loading thread takes it from the cache, at the cost of reading a file
            }
            synchronized (loader) {
                Claim claim = new Claim(bytes);
                if (this.claims.putIfAbsent(name, claim) != null) {
                    continue;
                }
                try {
                    claim.entry = weave.weave(loader, name, domain, bytes);
                }
                catch (Throwable ex) {
                    // the class is woven, and any failure reported, by the thread that loads it
                }
                finally {
                    claim.done.countDown();
                }
            }
        }
    }

    private static byte[] read(ClassLoader loader, String className) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /** Weaves one class on the calling thread. */
    @FunctionalInterface
    interface Weaver {

        /**
         * @return what the weaver made of the class; null when it failed
         */
        WeaveCache.Entry weave(ClassLoader loader, String className, ProtectionDomain domain, byte[] bytes);
    }

    /** A class claimed for weaving ahead: the bytes read, and what was made of them once done. */
    private static final class Claim {

        final byte[] bytes;

        final CountDownLatch done = new CountDownLatch(1);

        volatile WeaveCache.Entry entry;

        Claim(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean await() {
            try {
                return this.done.await(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
