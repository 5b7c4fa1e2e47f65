package io.groutines.weaving;

import io.groutines.weaving.cached.CacheProbe;
import io.groutines.weaving.cached.Tally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.ConstantInstruction;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weaving cache across JVMs: child JVMs started as a developer starts an application from a build's output
 * ({@code .../target/classes}, the agent with no argument), one after another on one cache directory. Whether
 * AspectJ's weaver was set up in a JVM is read from the classes it loaded ({@code -Xlog:class+load}).
 */
class WeaveCacheIT {

    /** Made when AspectJ sets up its weaver for a class loader (with its world); not loaded by the agent's start. */
    private static final String WEAVER_WORLD = "org.aspectj.weaver.bcel.BcelWeaver";

    /** AspectJ's load-time weaving agent: started only when a class must be woven. */
    private static final String ASPECTJ_AGENT = "org.aspectj.weaver.loadtime.ClassPreProcessorAgentAdapter";

    /** Every class woven by AspectJ's weaver, as before the direct weaver. */
    private static final String ASPECTJ_WEAVES = "-D" + ScopedWeaver.DIRECT_PROPERTY + "=false";

    @TempDir
    Path work;

    @Test
    void aSecondStartTakesEveryClassFromTheCache() throws Exception {
        Path classes = application("target/classes");
        Path cache = this.work.resolve("cache");
        Start first = start(classes, cache);
        assertThat(first.values).containsEntry("plain", "1,9").containsEntry("patched", "42,99")
                .containsEntry("status", "WOVEN,WOVEN").containsEntry("cached", "0").containsEntry("failed", "0");
        assertThat(first.loaded(ASPECTJ_AGENT)).as("AspectJ's agent started for classes the direct weaver weaves").isFalse();
        assertThat(first.values.get("cache")).startsWith(cache.toString());

        Start second = start(classes, cache);
        assertThat(second.values).containsEntry("plain", "1,9").containsEntry("patched", "42,99")
                .containsEntry("status", "WOVEN,WOVEN").containsEntry("failed", "0")
                .containsEntry("woven", first.values.get("woven")).containsEntry("cached", first.values.get("woven"));
        assertThat(second.loaded(ASPECTJ_AGENT)).isFalse();
    }

    @Test
    void withAspectJsWeaverASecondStartNeverSetsUpTheWeaverAndTakesTheClosuresFromTheCacheToo() throws Exception {
        Path classes = application("target/classes");
        Path cache = this.work.resolve("cache");
        Start first = start(classes, cache, ASPECTJ_WEAVES);
        assertThat(first.values).containsEntry("plain", "1,9").containsEntry("patched", "42,99")
                .containsEntry("status", "WOVEN,WOVEN").containsEntry("cached", "0").containsEntry("failed", "0");
        assertThat(first.loaded(WEAVER_WORLD)).isTrue();

        Start second = start(classes, cache, ASPECTJ_WEAVES);
        assertThat(second.values).containsEntry("plain", "1,9").containsEntry("patched", "42,99")
                .containsEntry("status", "WOVEN,WOVEN").containsEntry("failed", "0")
                .containsEntry("woven", first.values.get("woven")).containsEntry("cached", first.values.get("woven"));
        assertThat(second.loaded(WEAVER_WORLD)).as("AspectJ's weaver set up in the second JVM").isFalse();
        assertThat(second.loaded(ASPECTJ_AGENT)).as("AspectJ's agent started in the second JVM").isFalse();
        // the nine-parameter method's closure came from the cache too: the patched call went through it
        assertThat(second.loaded("io.groutines.weaving.cached.Wide$AjcClosure1")).isTrue();

        Start direct = start(classes, cache);
        assertThat(direct.values).as("what AspectJ wove is not taken for what the direct weaver weaves")
                .containsEntry("cached", "0").containsEntry("patched", "42,99");
    }

    @Test
    void aChangedClassIsWovenAgainAndTheOthersAreNot() throws Exception {
        Path classes = application("target/classes");
        Path cache = this.work.resolve("cache");
        Start first = start(classes, cache);
        Path tally = classes.resolve(Tally.class.getName().replace('.', '/') + ".class");
        Files.write(tally, returningTwo(Files.readAllBytes(tally)));

        Start second = start(classes, cache);
        assertThat(second.values).containsEntry("plain", "2,9").containsEntry("patched", "42,99")
                .containsEntry("status", "WOVEN,WOVEN");
        long woven = Long.parseLong(first.values.get("woven"));
        assertThat(second.values).containsEntry("woven", String.valueOf(woven))
                .containsEntry("cached", String.valueOf(woven - 1));

        Start third = start(classes, cache);
        assertThat(third.values).containsEntry("plain", "2,9").containsEntry("cached", String.valueOf(woven));
    }

    @Test
    void aClassThatLeavesTheScopeIsNotWovenFromTheCache() throws Exception {
        Path classes = application("target/classes");
        Path cache = this.work.resolve("cache");
        start(classes, cache);
        Start excluded = start(classes, cache, "-Dgroutines.weave.exclude=" + Tally.class.getName());
        assertThat(excluded.values).containsEntry("plain", "1,9").containsEntry("status", "OUTSIDE_SCOPE,WOVEN");
        assertThat(excluded.values.get("patched")).contains("excluded from weaving by " + Tally.class.getName());
        assertThat(excluded.loaded(WEAVER_WORLD)).isFalse();
    }

    @Test
    void switchedOffItKeepsNothing() throws Exception {
        Path classes = application("target/classes");
        Path cache = this.work.resolve("cache");
        Start off = start(classes, cache, "-Dgroutines.weave.cache=false");
        assertThat(off.values).containsEntry("patched", "42,99").containsEntry("cache", "none");
        assertThat(cache).doesNotExist();
        Start verbose = start(classes, cache, "-Dgroutines.weave.verbose=true");
        assertThat(verbose.values).containsEntry("cache", "none");
        assertThat(cache).doesNotExist();
    }

    @Test
    void aLaunchTheProductionGuardRefusesUsesNoCacheAndLeavesTheApplicationToIt() throws Exception {
        // a deployed layout: classes in a directory that is no build's output, no library from a build tool's cache
        Path classes = application("app/classes");
        Path cache = this.work.resolve("cache");
        Start packaged = start(classes, cache);
        assertThat(packaged.values).containsEntry("cache", "none").containsEntry("status", "OUTSIDE_SCOPE,OUTSIDE_SCOPE");
        assertThat(cache).doesNotExist();
        Start allowed = start(classes, cache, "-Dgroutines.allow-in-production=true");
        assertThat(allowed.values).containsEntry("patched", "42,99").containsEntry("status", "WOVEN,WOVEN");
        assertThat(allowed.values.get("cache")).startsWith(cache.toString());
    }

    /** The probe's classes, copied from this module's test classes into a directory of the given layout. */
    private Path application(String layout) throws IOException, URISyntaxException {
        Path testClasses = Path.of(CacheProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = CacheProbe.class.getPackageName().replace('.', '/');
        Path target = this.work.resolve(layout);
        Files.createDirectories(target.resolve(pkg));
        try (Stream<Path> files = Files.list(testClasses.resolve(pkg))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(pkg).resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** Tally's class file with {@code next()} returning 2 instead of 1. */
    private static byte[] returningTwo(byte[] classFile) {
        ClassFile files = ClassFile.of();
        return files.transformClass(files.parse(classFile), ClassTransform.transformingMethodBodies(
                method -> method.methodName().equalsString("next"), CodeTransform.ofStateful(() -> (code, element) -> {
                    if (element instanceof ConstantInstruction constant && Integer.valueOf(1).equals(constant.constantValue())) {
                        code.iconst_2();
                    }
                    else {
                        code.with(element);
                    }
                })));
    }

    private Start start(Path classes, Path cache, String... flags) throws IOException, InterruptedException {
        Path log = Files.createTempFile(this.work, "classes-", ".txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + agent());
        command.add("-Dgroutines.weave.cache.dir=" + cache);
        command.add("-Xlog:class+load=info:file=" + log);
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", classes + java.io.File.pathSeparator + agent(), CacheProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        out.lines().filter(line -> line.matches("[a-z]+=.*"))
                .forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return new Start(values, Files.readString(log), out);
    }

    private static String agent() {
        String agent = System.getProperty("groutines.agent.jar");
        assertThat(agent).as("the agent jar, from the build").isNotBlank();
        return agent;
    }

    private record Start(Map<String, String> values, String classes, String out) {

        boolean loaded(String className) {
            return this.classes.contains(" " + className + " ");
        }
    }
}
