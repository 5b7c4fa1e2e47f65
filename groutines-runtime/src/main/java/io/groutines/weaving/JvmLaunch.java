package io.groutines.weaving;

import io.groutines.discovery.ApplicationCode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How this JVM was started, as far as the agent can tell before the application's first class loads — from the main
 * class (or archive) the launcher was given and the class path, the inputs of the Spring Boot starter's production
 * guard that exist that early (the starter decides again, later, with the whole configuration and the starting
 * thread's stack, by the same rule of where the main class comes from: {@link #ofMainClass}):
 * <ul>
 * <li>{@link Kind#TEST} — a test runner's main class (Maven Surefire and Failsafe, Gradle's test worker, JUnit's
 * console launcher, an IDE's JUnit runner);</li>
 * <li>{@link Kind#DEVELOPMENT} — the main class in a build output directory ({@code target/classes},
 * {@code build/classes/...}, {@code out/production/...}, {@code bin/main}), or in a directory while the libraries
 * come from a build tool's cache: an IDE run, {@code mvn spring-boot:run}, {@code gradle bootRun};</li>
 * <li>{@link Kind#PACKAGED} — everything else: {@code java -jar}, Spring Boot's launcher, an exploded archive, a
 * container image's layout, an unknown main class.</li>
 * </ul>
 *
 * @param kind the launch style
 * @param evidence what the deduction saw, for messages
 */
public record JvmLaunch(Kind kind, String evidence) {

    /** The launch styles. */
    public enum Kind {
        /** Started by a test runner. */
        TEST,
        /** Started from an IDE or a build tool's run goal, from the build's output. */
        DEVELOPMENT,
        /** Started as it is deployed, or not known. */
        PACKAGED
    }

    private static final List<String> BUILD_OUTPUTS = List.of("/target/classes", "/target/test-classes",
            "/build/classes/", "/build/resources/", "/out/production/", "/out/test/", "/bin/main", "/bin/test",
            "/target/scala-", "/bazel-out/");

    private static final List<String> BUILD_CACHES = List.of("/.m2/repository/", "/.gradle/caches/",
            "/.gradle/wrapper/", "/.ivy2/", "/.cache/coursier/");

    /** @return how this JVM was started ({@code sun.java.command}, {@code java.class.path}) */
    static JvmLaunch ofThisJvm() {
        return of(System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
    }

    /**
     * @param command the launcher's record of the main class or archive and the arguments
     * @param classPath the class path
     * @return the launch
     */
    static JvmLaunch of(String command, String classPath) {
        String first = firstWord(command);
        if (first.isEmpty()) {
            return new JvmLaunch(Kind.PACKAGED, "the main class is not known");
        }
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war")) {
            String main = mainClassOf(first);
            if (ApplicationCode.isTestLauncher(main)) {
                return new JvmLaunch(Kind.TEST, "started by " + main);
            }
            return new JvmLaunch(Kind.PACKAGED, "started as java -jar " + first);
        }
        if (ApplicationCode.isTestLauncher(first)) {
            return new JvmLaunch(Kind.TEST, "started by " + first);
        }
        if (first.startsWith("org.springframework.boot.loader.")) {
            return new JvmLaunch(Kind.PACKAGED, "started by Spring Boot's launcher " + first);
        }
        String file = first.replace('.', '/') + ".class";
        for (String entry : classPath.split(File.pathSeparator)) {
            Path dir = path(entry);
            if (dir != null && Files.isRegularFile(dir.resolve(file))) {
                return ofMainClass(first, dir.toString(), classPath);
            }
        }
        return new JvmLaunch(Kind.PACKAGED, first + " is not in a directory of the class path");
    }

    /**
     * The deduction from where the main class comes from (the Spring Boot starter's production guard makes it too, once
     * no test is on the starting thread's stack).
     * @param mainClass the main class's name
     * @param classes where it was loaded from: a jar, a war or a directory; {@code null} when unknown
     * @param classPath the JVM's class path
     * @return how the application was launched
     */
    public static JvmLaunch ofMainClass(String mainClass, String classes, String classPath) {
        if (classes == null) {
            return new JvmLaunch(Kind.PACKAGED, "the location of " + mainClass + " is not known");
        }
        String path = normalized(classes);
        String where = mainClass + " comes from " + classes;
        if (path.endsWith(".jar") || path.endsWith(".war") || path.contains(".jar!") || path.contains(".war!")) {
            return new JvmLaunch(Kind.PACKAGED, where + ", an archive");
        }
        if (path.endsWith("/boot-inf/classes") || path.endsWith("/web-inf/classes")) {
            return new JvmLaunch(Kind.PACKAGED, where + ", an exploded archive");
        }
        for (String output : BUILD_OUTPUTS) {
            if (path.endsWith(output) || path.contains(output)) {
                return new JvmLaunch(Kind.DEVELOPMENT, where + ", a build output directory");
            }
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            String library = normalized(entry);
            if (library.endsWith(".jar")) {
                for (String cache : BUILD_CACHES) {
                    if (library.contains(cache)) {
                        return new JvmLaunch(Kind.DEVELOPMENT, where + ", with libraries from a build tool's cache ("
                                + entry + ")");
                    }
                }
            }
        }
        return new JvmLaunch(Kind.PACKAGED, where + ", a directory that is not a build's output, with libraries "
                + "outside any build tool's cache (a deployed layout)");
    }

    /**
     * Whether the production guard would let groutines run in this launch, as far as the launch says: a test or a
     * development run, or a packaged application whose launch sets {@code groutines.allow-in-production=true}.
     * @param launch the launch's groutines settings
     */
    boolean allows(LaunchProperties launch) {
        return kind != Kind.PACKAGED || launch.getBoolean(Agent.ALLOW_IN_PRODUCTION_PROPERTY).orElse(false);
    }

    private static String mainClassOf(String jar) {
        Path path = path(jar);
        return path == null ? null : ApplicationCode.mainClassOf(path);
    }

    private static String firstWord(String command) {
        String c = command.strip();
        int space = c.indexOf(' ');
        return space < 0 ? c : c.substring(0, space);
    }

    private static Path path(String entry) {
        try {
            return entry.isBlank() ? null : Path.of(entry).toAbsolutePath().normalize();
        }
        catch (InvalidPathException ex) {
            return null;
        }
    }

    private static String normalized(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " (" + evidence + ")";
    }
}
