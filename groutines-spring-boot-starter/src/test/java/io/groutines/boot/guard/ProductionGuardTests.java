package io.groutines.boot.guard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.groutines.boot.diagnostics.GroutinesInProductionAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard decides by how the application was launched, whatever its profiles are called: one deduction per launch
 * style, and real launches of a small application in separate JVMs, started as a user starts them.
 */
class ProductionGuardTests {

    private static final String MAIN = GuardProbe.class.getName();

    private static final String M2 = "/home/alice/.m2/repository/org/springframework/spring-core/7.0.10/spring-core-7.0.10.jar";

    private final ProductionGuard guard = new ProductionGuard(List.of("prod*", "prd*", "production", "live"), false);

    private static final Enablement ON = new Enablement(true, "true");

    @Test
    void anIdeRunOrABuildToolsRunGoalIsDevelopment() {
        assertThat(Launch.deduce(MAIN, "/home/alice/shop/target/classes", "/home/alice/shop/target/classes:" + M2).kind())
                .isEqualTo(Launch.Kind.DEVELOPMENT);
        assertThat(Launch.deduce(MAIN, "/home/alice/shop/build/classes/java/main", "").kind()).isEqualTo(Launch.Kind.DEVELOPMENT);
        assertThat(Launch.deduce(MAIN, "/home/alice/shop/out/production/app", "").kind()).isEqualTo(Launch.Kind.DEVELOPMENT);
        assertThat(Launch.deduce(MAIN, "/home/alice/shop/classes", "/home/alice/shop/classes:" + M2).kind())
                .as("classes in a directory, libraries from the local Maven repository").isEqualTo(Launch.Kind.DEVELOPMENT);
    }

    @Test
    void jarsWarsExplodedArchivesAndContainerLayoutsArePackaged() {
        assertThat(Launch.deduce(MAIN, "/srv/app.jar", "/srv/app.jar").kind()).isEqualTo(Launch.Kind.PACKAGED);
        assertThat(Launch.deduce(MAIN, "/srv/app.war", "").kind()).isEqualTo(Launch.Kind.PACKAGED);
        assertThat(Launch.deduce(MAIN, "/srv/app/BOOT-INF/classes", "/srv/app/BOOT-INF/classes:/srv/app/BOOT-INF/lib/a.jar").kind())
                .as("java -cp BOOT-INF/classes:BOOT-INF/lib/* com.example.App").isEqualTo(Launch.Kind.PACKAGED);
        assertThat(Launch.deduce(MAIN, "/tomcat/webapps/app/WEB-INF/classes", "").kind()).isEqualTo(Launch.Kind.PACKAGED);
        assertThat(Launch.deduce(MAIN, "/app/classes", "/app/resources:/app/classes:/app/libs/spring-core-7.0.10.jar").kind())
                .as("Jib's layout").isEqualTo(Launch.Kind.PACKAGED);
    }

    @Test
    void aTestOnTheStackIsATest() {
        assertThat(Launch.deduce(GuardProbe.class, Thread.currentThread()).kind()).isEqualTo(Launch.Kind.TEST);
    }

    @Test
    void packagedIsRefusedWhateverTheProfiles() {
        Launch packaged = new Launch(Launch.Kind.PACKAGED, "java -jar");
        assertThatThrownBy(() -> this.guard.check(ON, packaged, List.of(), List.of("default")))
                .isInstanceOf(GroutinesInProductionException.class);
        assertThatThrownBy(() -> this.guard.check(ON, packaged, List.of("staging"), List.of("default")))
                .isInstanceOf(GroutinesInProductionException.class);
        assertThatNoException().isThrownBy(() -> new ProductionGuard(List.of(), true).check(ON, packaged,
                List.of("prod"), List.of("default")));
    }

    @Test
    void productionLookingProfilesAreMatchedByPatternAndRefusedOutsideTests() {
        Launch development = new Launch(Launch.Kind.DEVELOPMENT, "ide");
        assertThat(this.guard.productionLooking(List.of("prd", "prod-eu", "PRODUCTION", "live", "dev", "products")))
                .containsExactly("prd", "prod-eu", "PRODUCTION", "live", "products");
        assertThatThrownBy(() -> this.guard.check(ON, development, List.of("prod-eu"), List.of("default")))
                .isInstanceOf(GroutinesInProductionException.class)
                .satisfies(e -> assertThat(((GroutinesInProductionException) e).productionProfiles()).containsExactly("prod-eu"));
        assertThatNoException().isThrownBy(() -> this.guard.check(ON, development, List.of("dev"), List.of("default")));
        assertThatNoException().isThrownBy(() -> this.guard.check(ON, new Launch(Launch.Kind.TEST, "junit"),
                List.of("prod"), List.of("default")));
    }

    @Test
    void withNoActiveProfileTheDefaultProfilesAreInEffect() {
        Launch development = new Launch(Launch.Kind.DEVELOPMENT, "ide");
        assertThatThrownBy(() -> this.guard.check(ON, development, List.of(), List.of("prod")))
                .isInstanceOf(GroutinesInProductionException.class).hasMessageContaining("default profile(s) [prod]")
                .satisfies(e -> assertThat(((GroutinesInProductionException) e).defaultProfiles()).isTrue());
        assertThatNoException().as("an active profile replaces the default ones")
                .isThrownBy(() -> this.guard.check(ON, development, List.of("dev"), List.of("prod")));
        assertThatNoException().isThrownBy(() -> this.guard.check(ON, development, List.of(), List.of("default")));
    }

    @Test
    void theAnalyzerSaysHowItWasLaunchedAndHowToAllowIt() {
        FailureAnalysis analysis = GroutinesInProductionAnalysis.analyze(new GroutinesInProductionException(
                new Enablement(true, "on"), new Launch(Launch.Kind.PACKAGED,
                        "com.example.App comes from /srv/app.jar, an archive"), List.of(), false));
        assertThat(analysis.getDescription()).contains("(groutines.enabled=on)")
                .contains("packaged (com.example.App comes from /srv/app.jar, an archive)");
        assertThat(analysis.getAction()).contains("Remove groutines.enabled=on from this environment")
                .contains("groutines.allow-in-production=true");
    }

    // ---- real launches, each in a JVM of its own ---------------------------------------------------------------

    @Test
    void startedFromTheBuildOutputItRuns() throws Exception {
        assertThat(launch(classPath(), List.of())).contains("GUARD-PROBE STARTED");
    }

    @Test
    void startedFromTheBuildOutputWithAProductionLookingProfileItIsRefused() throws Exception {
        assertThat(launch(classPath(), List.of("--spring.profiles.active=prod-eu")))
                .contains("APPLICATION FAILED TO START").contains("production-looking profile(s) [prod-eu]")
                .doesNotContain("GUARD-PROBE STARTED");
    }

    @Test
    void startedFromTheBuildOutputWithAProductionLookingDefaultProfileItIsRefused() throws Exception {
        assertThat(launch(classPath(), List.of("--spring.profiles.default=prod")))
                .contains("APPLICATION FAILED TO START")
                .contains("production-looking default profile(s) [prod] in effect (no profile is active)")
                .doesNotContain("GUARD-PROBE STARTED");
        assertThat(launch(classPath(), List.of(), Map.of("SPRING_PROFILES_DEFAULT", "prod")))
                .contains("APPLICATION FAILED TO START").contains("default profile(s) [prod]")
                .doesNotContain("GUARD-PROBE STARTED");
        assertThat(launch(classPath(), List.of("--spring.profiles.active=dev"), Map.of("SPRING_PROFILES_DEFAULT", "prod")))
                .as("an active profile: the default ones are not in effect").contains("GUARD-PROBE STARTED");
    }

    @Test
    void startedFromAnExplodedArchiveItIsRefused(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("BOOT-INF/classes");
        Path lib = Files.createDirectories(dir.resolve("BOOT-INF/lib"));
        List<String> cp = relocate(classes, lib);
        assertThat(launch(String.join(File.pathSeparator, cp), List.of()))
                .contains("APPLICATION FAILED TO START").contains("an exploded archive")
                .doesNotContain("GUARD-PROBE STARTED");
        assertThat(launch(String.join(File.pathSeparator, cp), List.of("--groutines.allow-in-production=true")))
                .contains("GUARD-PROBE STARTED");
    }

    @Test
    void startedFromAContainerImageLayoutItIsRefused(@TempDir Path dir) throws Exception {
        List<String> cp = relocate(dir.resolve("app/classes"), Files.createDirectories(dir.resolve("app/libs")));
        assertThat(launch(String.join(File.pathSeparator, cp), List.of()))
                .contains("APPLICATION FAILED TO START").contains("a deployed layout");
    }

    @Test
    void startedFromAJarItIsRefused(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("spring-probe-1.0.jar");
        List<String> cp = new ArrayList<>(List.of(jar.toString()));
        for (String entry : classPath().split(File.pathSeparator)) {
            if (entry.endsWith("test-classes")) {
                jarOf(Path.of(entry), jar);
            }
            else {
                cp.add(entry);
            }
        }
        assertThat(launch(String.join(File.pathSeparator, cp), List.of()))
                .contains("APPLICATION FAILED TO START").contains("an archive");
        // switched on as Spring Boot reads a boolean: refused the same, naming the value given
        assertThat(launch(String.join(File.pathSeparator, cp), List.of("--groutines.enabled=on")))
                .contains("APPLICATION FAILED TO START").contains("an archive")
                .contains("Groutines are enabled (groutines.enabled=on)").contains("Remove groutines.enabled=on");
    }

    /** The test classes copied to {@code classes}, the libraries copied to {@code lib}; the main classes stay. */
    private static List<String> relocate(Path classes, Path lib) throws IOException {
        List<String> cp = new ArrayList<>();
        for (String entry : classPath().split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (entry.endsWith("test-classes")) {
                copyTree(source, classes);
                cp.add(0, classes.toString());
            }
            else if (entry.endsWith(".jar")) {
                Path link = Files.createSymbolicLink(lib.resolve(source.getFileName()), source);
                cp.add(link.toString());
            }
            else {
                cp.add(entry);
            }
        }
        return cp;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void jarOf(Path directory, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    out.putNextEntry(new JarEntry(directory.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
    }

    /** The test JVM's class path as surefire gives it (its own class path is a manifest-only jar). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String launch(String classPath, List<String> args) throws Exception {
        return launch(classPath, args, Map.of());
    }

    private static String launch(String classPath, List<String> args, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp", classPath, MAIN));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not end within 60 s");
        }
        return new String(process.getInputStream().readAllBytes());
    }
}
