package io.groutines.weaving;

import io.groutines.weaving.ahead.AheadProbe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weaving ahead ({@link WeaveAhead}) in child JVMs started as a developer starts an application from a build's output
 * (the agent with no argument, {@code target/classes}, each JVM with an empty weaving cache): the application's
 * classes woven on the weaver's own thread before they are loaded work as the ones woven by the thread that loads
 * them — their groutines fire, their closure classes are there —, and a class is woven once whichever thread gets to
 * it first, however many threads load the application's classes while the weaver's thread runs.
 */
class WeaveAheadIT {

    private static final int UNITS = 40;

    @TempDir
    Path work;

    @Test
    void classesWovenAheadOfTheirLoadingWorkAsTheOthers() throws Exception {
        Path classes = application();
        Map<String, String> values = start(classes, "wait", 1);
        assertThat(values).containsEntry("aheadThread", "true").containsEntry("loadErrors", "[]")
                .containsEntry("plain", String.valueOf(UNITS)).containsEntry("patched", String.valueOf(UNITS))
                .containsEntry("statusWoven", String.valueOf(UNITS)).containsEntry("failed", "0")
                .containsEntry("cached", "0").containsEntry("woven", String.valueOf(UNITS + 1));
        // begun at the JVM's start (the classes are the class path's): every unit woven ahead, and perhaps the probe
        assertThat(Integer.parseInt(values.get("ahead"))).isBetween(UNITS, UNITS + 1);
    }

    @Test
    void afterAnotherJavaAgentNothingIsWovenAhead() throws Exception {
        Path classes = application();
        Path other = Path.of(net.bytebuddy.agent.ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(other.getFileName().toString()).startsWith("byte-buddy-agent"); // its premain keeps the instrumentation
        Map<String, String> values = start(classes, "wait", 1, List.of("-javaagent:" + other));
        // it might change some of the classes: each is woven by the thread that loads it
        assertThat(values).containsEntry("aheadThread", "false").containsEntry("ahead", "0")
                .containsEntry("patched", String.valueOf(UNITS)).containsEntry("woven", String.valueOf(UNITS + 1));
    }

    @Test
    void afterAnAgentThatChangesTheClassesNothingIsWovenAhead() throws Exception {
        Path classes = application();
        Map<String, String> values = start(classes, "wait", 1, List.of("-javaagent:" + markingAgent()));
        assertThat(values).containsEntry("aheadThread", "false").containsEntry("ahead", "0")
                .containsEntry("marked", String.valueOf(UNITS)).containsEntry("patched", String.valueOf(UNITS))
                .containsEntry("statusWoven", String.valueOf(UNITS)).containsEntry("failed", "0");
    }

    @Test
    void aClassIsWovenOnceWhicheverThreadComesFirst() throws Exception {
        Path classes = application();
        for (int round = 0; round < 4; round++) {
            Map<String, String> values = start(classes, "race", 8);
            assertThat(values).as("round %d", round).containsEntry("loadErrors", "[]")
                    .containsEntry("plain", String.valueOf(UNITS)).containsEntry("patched", String.valueOf(UNITS))
                    .containsEntry("statusWoven", String.valueOf(UNITS)).containsEntry("failed", "0")
                    .containsEntry("woven", String.valueOf(UNITS + 1));
        }
    }

    @Test
    void switchedOffEveryClassIsWovenByTheThreadThatLoadsIt() throws Exception {
        Path classes = application();
        Map<String, String> values = start(classes, "wait", 1, "-Dgroutines.weave.ahead=false");
        assertThat(values).containsEntry("aheadThread", "false").containsEntry("patched", String.valueOf(UNITS))
                .containsEntry("ahead", "0").containsEntry("woven", String.valueOf(UNITS + 1));
    }

    @Test
    void classesTheCacheHoldsAreNotWovenAgain() throws Exception {
        Path classes = application();
        Path cache = this.work.resolve("shared-cache");
        start(classes, cache, "wait", 1, List.of());
        Map<String, String> second = start(classes, cache, "wait", 1, List.of());
        assertThat(second).containsEntry("patched", String.valueOf(UNITS)).containsEntry("ahead", "0")
                .containsEntry("cached", String.valueOf(UNITS + 1));
    }

    /** The probe's class, copied from this module's test classes, and {@value #UNITS} units beside it. */
    private Path application() throws IOException, URISyntaxException {
        Path testClasses = Path.of(AheadProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = AheadProbe.class.getPackageName().replace('.', '/');
        Path target = this.work.resolve("target/classes");
        Files.createDirectories(target.resolve(pkg));
        Files.copy(testClasses.resolve(pkg).resolve("AheadProbe.class"), target.resolve(pkg).resolve("AheadProbe.class"));
        for (int i = 0; i < UNITS; i++) {
            Files.write(target.resolve(pkg).resolve("Unit" + i + ".class"), unit(AheadProbe.class.getPackageName() + ".Unit" + i, i));
        }
        return target;
    }

    /** A class with {@code int value()} returning its number, and {@code long sum(nine longs)} adding its number. */
    private static byte[] unit(String name, int number) {
        List<ClassDesc> nine = Collections.nCopies(9, ConstantDescs.CD_long);
        return ClassFile.of().build(ClassDesc.of(name), type -> type
                .withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER)
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                        .return_())
                .withMethodBody("value", MethodTypeDesc.of(ConstantDescs.CD_int), ClassFile.ACC_PUBLIC, code -> code
                        .loadConstant(number).ireturn())
                .withMethodBody("sum", MethodTypeDesc.of(ConstantDescs.CD_long, nine), ClassFile.ACC_PUBLIC, code -> {
                    code.loadConstant((long) number);
                    for (int slot = 1; slot < 18; slot += 2) {
                        code.lload(slot).ladd();
                    }
                    code.lreturn();
                }));
    }

    private Map<String, String> start(Path classes, String mode, int threads, String... flags)
            throws IOException, InterruptedException {
        return start(classes, Files.createTempDirectory(this.work, "cache-"), mode, threads, List.of(), flags);
    }

    private Map<String, String> start(Path classes, String mode, int threads, List<String> agentsBefore)
            throws IOException, InterruptedException {
        return start(classes, Files.createTempDirectory(this.work, "cache-"), mode, threads, agentsBefore);
    }

    private Map<String, String> start(Path classes, Path cache, String mode, int threads, List<String> agentsBefore,
            String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(agentsBefore);
        command.add("-javaagent:" + agent());
        command.add("-Dgroutines.weave.cache.dir=" + cache);
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", classes + java.io.File.pathSeparator + agent(), AheadProbe.class.getName(), mode,
                String.valueOf(UNITS), String.valueOf(threads)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        // nothing a user would take for a problem: no warning of the weaver's, no stack trace
        assertThat(out.lines().filter(line -> !line.matches("[a-zA-Z]+=.*"))).as(out).isEmpty();
        Map<String, String> values = new LinkedHashMap<>();
        out.lines().filter(line -> line.matches("[a-zA-Z]+=.*"))
                .forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return values;
    }

    /**
     * Another Java agent, compiled here: it adds a method {@code marker()} to every unit, so the bytes the groutines
     * agent is handed are not the class files.
     */
    private Path markingAgent() throws IOException {
        Path src = Files.createDirectories(this.work.resolve("marking-agent/src"));
        Path out = Files.createDirectories(this.work.resolve("marking-agent/classes"));
        Files.writeString(src.resolve("MarkingAgent.java"), """
                import java.lang.classfile.ClassFile;
                import java.lang.classfile.ClassTransform;
                import java.lang.constant.ConstantDescs;
                import java.lang.instrument.ClassFileTransformer;
                import java.lang.instrument.Instrumentation;
                import java.security.ProtectionDomain;

                public final class MarkingAgent {
                    public static void premain(String args, Instrumentation inst) {
                        inst.addTransformer(new ClassFileTransformer() {
                            @Override
                            public byte[] transform(ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                                if (name == null || !name.contains("/ahead/Unit")) {
                                    return null;
                                }
                                ClassFile files = ClassFile.of();
                                return files.transformClass(files.parse(bytes), ClassTransform.endHandler(type -> type
                                        .withMethodBody("marker", ConstantDescs.MTD_void,
                                                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code.return_())));
                            }
                        });
                    }
                }
                """);
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                src.resolve("MarkingAgent.java").toString())).isZero();
        Path jar = this.work.resolve("marking-agent.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "MarkingAgent");
        try (java.util.jar.JarOutputStream jarOut = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String name : List.of("MarkingAgent.class", "MarkingAgent$1.class")) {
                jarOut.putNextEntry(new java.util.jar.JarEntry(name));
                jarOut.write(Files.readAllBytes(out.resolve(name)));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private static String agent() {
        String agent = System.getProperty("groutines.agent.jar");
        assertThat(agent).as("the agent jar, from the build").isNotBlank();
        return agent;
    }
}
