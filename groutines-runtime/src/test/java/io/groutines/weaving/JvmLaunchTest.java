package io.groutines.weaving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the agent can tell about the launch before the application runs, and what the guard would allow. No agent. */
class JvmLaunchTest {

    @TempDir
    Path dir;

    @Test
    void testRunners() throws IOException {
        assertThat(JvmLaunch.of(jar("surefirebooter1.jar", "org.apache.maven.surefire.booter.ForkedBooter") + " x", "").kind())
                .isEqualTo(JvmLaunch.Kind.TEST);
        assertThat(JvmLaunch.of("worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 1'", "")
                .kind()).isEqualTo(JvmLaunch.Kind.TEST);
        assertThat(JvmLaunch.of("com.intellij.rt.junit.JUnitStarter -ideVersion5 com.example.AppTest", "").kind())
                .isEqualTo(JvmLaunch.Kind.TEST);
        assertThat(JvmLaunch.of("org.junit.platform.console.ConsoleLauncher --scan-classpath", "").kind())
                .isEqualTo(JvmLaunch.Kind.TEST);
    }

    @Test
    void developmentRuns() throws IOException {
        Path classes = main("project/target/classes");
        assertThat(JvmLaunch.of("com.example.App", classes.toString()).kind()).isEqualTo(JvmLaunch.Kind.DEVELOPMENT);
        Path ide = main("project/bin");
        String libraries = this.dir.resolve("home/.m2/repository/org/x/x.jar").toString();
        assertThat(JvmLaunch.of("com.example.App", ide + File.pathSeparator + libraries).kind())
                .isEqualTo(JvmLaunch.Kind.DEVELOPMENT);
    }

    @Test
    void packagedLaunches() throws IOException {
        assertThat(JvmLaunch.of(jar("app.jar", "org.springframework.boot.loader.launch.JarLauncher").toString(), "").kind())
                .isEqualTo(JvmLaunch.Kind.PACKAGED);
        assertThat(JvmLaunch.of("org.springframework.boot.loader.launch.JarLauncher", "").kind())
                .isEqualTo(JvmLaunch.Kind.PACKAGED);
        assertThat(JvmLaunch.of("com.example.App", main("app/BOOT-INF/classes").toString()).kind())
                .isEqualTo(JvmLaunch.Kind.PACKAGED);
        Path image = main("image/app/classes");
        assertThat(JvmLaunch.of("com.example.App", image + File.pathSeparator + "/app/libs/x.jar").kind())
                .isEqualTo(JvmLaunch.Kind.PACKAGED);
        assertThat(JvmLaunch.of("", "").kind()).isEqualTo(JvmLaunch.Kind.PACKAGED);
    }

    @Test
    void theGuardsOverrideAtLaunchAllowsAPackagedApplication() throws IOException {
        JvmLaunch packaged = JvmLaunch.of(jar("app.jar", "org.springframework.boot.loader.launch.JarLauncher").toString(), "");
        assertThat(packaged.allows(new LaunchProperties(List.of()))).isFalse();
        assertThat(packaged.allows(new LaunchProperties(List.of("--groutines.allow-in-production=true")))).isTrue();
        assertThat(JvmLaunch.of("com.example.App", main("p/target/classes").toString()).allows(new LaunchProperties(List.of())))
                .isTrue();
    }

    private Path main(String layout) throws IOException {
        Path root = this.dir.resolve(layout);
        Files.createDirectories(root.resolve("com/example"));
        Files.write(root.resolve("com/example/App.class"), new byte[] { 1 });
        return root;
    }

    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path jar = this.dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
