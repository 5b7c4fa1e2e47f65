package io.groutines.discovery;

import io.groutines.weaving.declared.DeclaredGroutines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the application's own code is on a class path, and what it holds. No agent here. */
class ApplicationCodeTest {

    private static final String GROUTINES = DeclaredGroutines.class.getName();

    @TempDir
    Path dir;

    @Test
    void classDirectoriesAreTheApplicationsAndJarsAreLibraries() throws Exception {
        Path classes = classes("target/classes", GROUTINES);
        Path testClasses = classes("target/test-classes", "com.example.FooTest");
        Path library = jar("lib/library.jar", null, "org.lib.Thing");
        String classPath = String.join(File.pathSeparator, classes.toString(), library.toString(), testClasses.toString());
        ApplicationCode code = code(ApplicationCode.rootsOf("com.example.App", classPath));
        assertThat(code.locations()).containsExactly(classes.toString(), testClasses.toString());
        assertThat(code.classNames()).containsExactlyInAnyOrder(GROUTINES, "com.example.FooTest");
        assertThat(code.groutines()).singleElement().satisfies(type -> {
            assertThat(type.className()).isEqualTo(GROUTINES);
            assertThat(type.name()).isEqualTo("DeclaredGroutines");
            assertThat(type.triggers()).containsExactly("io.groutines.weaving.declared.Counter.increment");
            assertThat(type.weave()).containsExactly("io.groutines.weaving.declared.Wanted");
        });
    }

    @Test
    void theMainClassesAreThoseOutsideTheTestsClassDirectories() throws Exception {
        Path maven = classes("maven/target/classes", GROUTINES);
        Path mavenTests = classes("maven/target/test-classes", "com.example.FooTest");
        Path gradleTests = classes("gradle/build/classes/java/test", "com.example.BarTest");
        Path ideaTests = classes("idea/out/test/app", "com.example.BazTest");
        Path ideaMain = classes("idea/out/production/app", "com.example.Main");
        Path projectCalledTest = classes("test/target/classes", "com.example.Other"); // a project's name is no test
        String classPath = String.join(File.pathSeparator, maven.toString(), mavenTests.toString(), gradleTests.toString(),
                ideaTests.toString(), ideaMain.toString(), projectCalledTest.toString());
        ApplicationCode code = code(ApplicationCode.rootsOf("com.example.App", classPath));
        assertThat(code.classNames()).hasSize(6);
        assertThat(code.mainClassNames()).containsExactlyInAnyOrder(GROUTINES, "com.example.Main", "com.example.Other");
    }

    @Test
    void aSpringBootArchiveStartedWithJavaJarIsItsClassesDirectoryNotItsLibraries() throws Exception {
        Manifest manifest = manifest("org.springframework.boot.loader.launch.JarLauncher");
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        Path app = jar("spring-app.jar", manifest, "BOOT-INF/classes/" + GROUTINES, "BOOT-INF/lib/x.jar",
                "org/springframework/boot/loader/launch/JarLauncher");
        ApplicationCode code = code(ApplicationCode.rootsOf(app + " --server.port=0", app.toString()));
        assertThat(code.locations()).containsExactly(app + "!/BOOT-INF/classes");
        assertThat(code.classNames()).containsExactly(GROUTINES);
        assertThat(code.groutines()).extracting(GroutineClass::className).containsExactly(GROUTINES);
    }

    @Test
    void aTestRunnersJarStandsForTheClassPathItsManifestLists() throws Exception {
        Path classes = classes("target/classes", "com.example.App");
        Path library = jar("repository/library.jar", null, "org.lib.Thing");
        Manifest manifest = manifest("org.apache.maven.surefire.booter.ForkedBooter");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri() + " " + library.toUri());
        Path booter = jar("target/surefire/surefirebooter1.jar", manifest);
        ApplicationCode code = code(ApplicationCode.rootsOf(booter + " target/surefire 1", booter.toString()));
        assertThat(code.locations()).containsExactly(classes.toString());
        assertThat(code.classNames()).containsExactly("com.example.App");
    }

    @Test
    void aPlainJarStartedWithJavaJarIsTheApplicationsWhole() throws Exception {
        Path app = jar("app.jar", manifest("com.example.App"), "com/example/App");
        ApplicationCode code = code(ApplicationCode.rootsOf(app.toString(), app.toString()));
        assertThat(code.classNames()).containsExactly("com.example.App");
    }

    @Test
    void groutinesOwnClassDirectoriesAreNotTheApplications() throws Exception {
        Path runtime = classes("groutines/target/classes", "io.groutines.Groutines");
        Path app = classes("app/target/classes", "com.example.App");
        ApplicationCode code = code(ApplicationCode.rootsOf("com.example.App", runtime + File.pathSeparator + app));
        assertThat(code.locations()).containsExactly(app.toString());
    }

    @Test
    void aClassLoadersDirectoriesAndBootArchiveClasses() throws Exception {
        Path classes = classes("target/classes", "com.example.App");
        Path app = jar("app.jar", null, "BOOT-INF/classes/com/example/Other");
        // Spring Boot's launcher's URLs, as its own URL handler writes them
        List<ApplicationCode.Root> roots = ApplicationCode.rootsOf(new URL[] { classes.toUri().toURL(),
                bootUrl("jar:nested:" + app + "/!BOOT-INF/classes/!/"), bootUrl("jar:nested:" + app + "/!BOOT-INF/lib/x.jar!/"),
                this.dir.resolve("lib.jar").toUri().toURL() });
        assertThat(roots).extracting(Object::toString).containsExactly(classes.toString(), app + "!/BOOT-INF/classes");
    }

    @Test
    void namesOfClassFiles() {
        assertThat(ApplicationCode.classNameOf("com/example/Outer$Inner.class")).isEqualTo("com.example.Outer$Inner");
        assertThat(ApplicationCode.classNameOf("com/example/package-info.class")).isNull();
        assertThat(ApplicationCode.classNameOf("module-info.class")).isNull();
        assertThat(ApplicationCode.classNameOf("META-INF/versions/21/com/example/A.class")).isNull();
        assertThat(ApplicationCode.classNameOf("application.yaml")).isNull();
        assertThat(GroutineClasses.simpleName("com.example.Outer$Inner")).isEqualTo("Inner");
        assertThat(GroutineClasses.isInPackage("com.example.deep.Foo", "com.example")).isTrue();
        assertThat(GroutineClasses.isInPackage("com.examples.Foo", "com.example")).isFalse();
    }

    @SuppressWarnings("deprecation")
    private static URL bootUrl(String spec) throws IOException {
        return new URL(null, spec, new java.net.URLStreamHandler() {
            @Override
            protected java.net.URLConnection openConnection(URL url) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private static ApplicationCode code(List<ApplicationCode.Root> roots) throws ReflectiveOperationException {
        var constructor = ApplicationCode.class.getDeclaredConstructor(List.class);
        constructor.setAccessible(true);
        return constructor.newInstance(roots);
    }

    /** A class directory holding the named classes; those this module compiled are copied, others are stand-ins. */
    private Path classes(String layout, String... classNames) throws IOException, URISyntaxException {
        Path root = this.dir.resolve(layout);
        for (String name : classNames) {
            Path file = root.resolve(name.replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, classFile(name));
        }
        return root;
    }

    private Path jar(String name, Manifest manifest, String... entries) throws IOException, URISyntaxException {
        Path jar = this.dir.resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest)) {
            for (String entry : entries) {
                boolean isClass = !entry.endsWith(".jar");
                out.putNextEntry(new JarEntry(isClass ? entry + ".class" : entry));
                String className = entry.substring(entry.startsWith("BOOT-INF/classes/") ? 17 : 0).replace('/', '.');
                out.write(isClass ? classFile(className) : new byte[0]);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Manifest manifest(String mainClass) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        return manifest;
    }

    private static byte[] classFile(String className) throws IOException, URISyntaxException {
        URL url = ApplicationCodeTest.class.getClassLoader().getResource(className.replace('.', '/') + ".class");
        return url != null ? Files.readAllBytes(Path.of(url.toURI())) : new byte[] { (byte) 0xCA, (byte) 0xFE };
    }
}
