package io.groutines.boot.guard;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;

import io.groutines.weaving.JvmLaunch;

/**
 * How the application was launched, deduced the way Spring Boot DevTools decides whether it runs in development:
 * from the thread that starts it (a test framework on the stack) and from where the application's classes and
 * libraries come from. The deduction is made once, at startup.
 *
 * <ul>
 * <li>{@link Kind#TEST} — a test framework (JUnit, TestNG, Spock, Cucumber, Spring's test context) is on the starting
 * thread's stack.</li>
 * <li>{@link Kind#DEVELOPMENT} — the application's classes are in a build output directory ({@code target/classes},
 * {@code build/classes/...}, {@code out/production/...}, {@code bin/main}), or in a directory while its libraries
 * come from a build tool's cache ({@code ~/.m2/repository}, Gradle's {@code caches}): an IDE run, {@code mvn
 * spring-boot:run}, {@code gradle bootRun}.</li>
 * <li>{@link Kind#PACKAGED} — everything else: a jar or war ({@code java -jar}, {@code JarLauncher}, a servlet
 * container), an exploded jar ({@code BOOT-INF/classes}, {@code WEB-INF/classes}), a container image's layout
 * ({@code /app/classes} with {@code /app/libs}, buildpacks), Spring Boot's launcher class loader.</li>
 * </ul>
 *
 * @param kind the launch style
 * @param evidence what the deduction saw, for messages
 */
public record Launch(Kind kind, String evidence) {

    /** The launch styles. */
    public enum Kind {
        /** Started by a test. */
        TEST,
        /** Started from an IDE or a build tool's run goal, from the build's output. */
        DEVELOPMENT,
        /** Started as it is deployed. */
        PACKAGED
    }

    private static final List<String> TEST_FRAMES = List.of("org.junit.", "junit.", "org.testng.",
            "org.spockframework.", "io.cucumber.", "org.springframework.boot.test.", "org.springframework.test.",
            "org.apache.maven.surefire.", "org.gradle.api.internal.tasks.testing.", "com.intellij.rt.junit.");

    /**
     * @param mainClass the application's main class (or primary source), {@code null} when unknown
     * @param thread the thread that starts the application
     * @return how the application was launched
     */
    public static Launch deduce(Class<?> mainClass, Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            for (String prefix : TEST_FRAMES) {
                if (frame.getClassName().startsWith(prefix)) {
                    return new Launch(Kind.TEST, "started by " + frame.getClassName());
                }
            }
        }
        if (mainClass == null) {
            return new Launch(Kind.PACKAGED, "the main class is not known");
        }
        ClassLoader loader = mainClass.getClassLoader();
        if (loader != null && loader.getClass().getName().startsWith("org.springframework.boot.loader.")) {
            return new Launch(Kind.PACKAGED, mainClass.getName() + " is loaded by Spring Boot's launcher ("
                    + loader.getClass().getName() + ")");
        }
        return deduce(mainClass.getName(), location(mainClass), System.getProperty("java.class.path", ""));
    }

    /**
     * The deduction from locations alone (no test on the stack, no launcher class loader).
     * @param mainClass the main class's name
     * @param classes where it was loaded from: a jar, a war or a directory; {@code null} when unknown
     * @param classPath the JVM's class path
     * @return how the application was launched
     */
    static Launch deduce(String mainClass, String classes, String classPath) {
        JvmLaunch launch = JvmLaunch.ofMainClass(mainClass, classes, classPath); // the agent's rule, the same one
        return new Launch(Kind.valueOf(launch.kind().name()), launch.evidence());
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source != null ? source.getLocation() : null;
        if (url == null) {
            return null;
        }
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()).toString() : url.toString();
        }
        catch (URISyntaxException | IllegalArgumentException ex) {
            return url.toString();
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " (" + evidence + ")";
    }
}
