package io.groutines.weaving;

import io.groutines.weaving.launched.LaunchedProbe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test JVM whose main class is a test runner's — JUnit's console launcher, an IDE's or Gradle's worker — started
 * from its jar with the application's class directory beside it: the runner's jar is a library, never the
 * application's code, so none of its classes is woven; the application's classes are. A child JVM, the agent with
 * no argument, as users start it.
 */
class RunnerJarIT {

    private static final String RUNNER = "org.junit.platform.console.StandInLauncher";

    @TempDir
    Path work;

    @Test
    void aTestRunnersJarIsNotTheApplications() throws Exception {
        Path classes = this.work.resolve("target/classes");
        String pkg = LaunchedProbe.class.getPackageName().replace('.', '/');
        Files.createDirectories(classes.resolve(pkg));
        Path testClasses = Path.of(LaunchedProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(testClasses.resolve(pkg).resolve("LaunchedProbe.class"), classes.resolve(pkg).resolve("LaunchedProbe.class"));
        Path runner = runnerJar();
        String agent = System.getProperty("groutines.agent.jar");
        assertThat(agent).as("the agent jar, from the build").isNotBlank();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent, "-Dgroutines.weave.cache.dir=" + this.work.resolve("cache"),
                "-cp", String.join(java.io.File.pathSeparator, runner.toString(), classes.toString(), agent), RUNNER)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out.lines()).as(out).contains("runner=OUTSIDE_SCOPE", "probe=WOVEN", "applicationClasses=1");
    }

    /** A jar with a class in a test runner's package whose {@code main} runs the probe, as a runner runs a test. */
    private Path runnerJar() throws IOException {
        byte[] bytes = ClassFile.of().build(ClassDesc.of(RUNNER), type -> type
                .withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER)
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                        .return_())
                .withMethodBody("main", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType()),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code
                                .iconst_1().anewarray(ConstantDescs.CD_String)
                                .dup().iconst_0().ldc(RUNNER).aastore()
                                .invokestatic(ClassDesc.of(LaunchedProbe.class.getName()), "main",
                                        MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType()))
                                .return_()));
        Path jar = this.work.resolve("runner/console-standalone.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(RUNNER.replace('.', '/') + ".class"));
            out.write(bytes);
            out.closeEntry();
        }
        return jar;
    }
}
