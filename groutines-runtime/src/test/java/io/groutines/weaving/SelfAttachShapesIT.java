package io.groutines.weaving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SelfAttach} in child JVMs started as users start theirs, in the shapes that decide whether it may send
 * itself {@code SIGQUIT}: attached from its own process with no helper JVM and no thread dump on the console; with
 * the attach listener already running; under {@code -Xrs} (where a JVM that did not catch {@code SIGQUIT} would
 * end); refused, with the reason and the JVM alive, under {@code -XX:+DisableAttachMechanism} (where the signal
 * would print a thread dump).
 */
class SelfAttachShapesIT {

    @Test
    void aJvmIsAttachedFromItsOwnProcessWithoutAHelperOrAThreadDump() throws Exception {
        Child child = run("-XX:+EnableDynamicAgentLoading");
        assertThat(child.values).containsEntry("attached", "true").containsEntry("redefinesModules", "true")
                .containsEntry("trigger", "false").containsEntry("helpers", "0");
        assertThat(child.otherLines).isEmpty();
    }

    @Test
    void withoutEnableDynamicAgentLoadingTheJdkWarnsAsForAnyAgentLoadedLate() throws Exception {
        Child child = run();
        assertThat(child.values).containsEntry("attached", "true");
        assertThat(String.join("\n", child.otherLines)).contains("A Java agent has been loaded dynamically")
                .doesNotContain("Full thread dump");
    }

    @Test
    void besideJaCoCoBothKeepWorking(@TempDir Path dir) throws Exception {
        String jacoco = System.getProperty("jacoco.agent.jar");
        assertThat(jacoco).as("JaCoCo's agent jar, from the build").isNotBlank();
        Path exec = dir.resolve("jacoco.exec");
        Child child = run("-javaagent:" + jacoco + "=destfile=" + exec, "-XX:+EnableDynamicAgentLoading");
        assertThat(child.values).containsEntry("attached", "true").containsEntry("late", "7")
                .containsEntry("helpers", "0");
        assertThat(child.values.get("lateMethods")).contains("$jacocoInit"); // JaCoCo instruments after the attach too
        assertThat(exec).isNotEmptyFile(); // and writes its coverage at exit
        assertThat(child.otherLines).isEmpty();
    }

    @Test
    void manyThreadsAskingAtOnceMakeOneAttach() throws Exception {
        for (int round = 0; round < 5; round++) {
            Child child = runMain(List.of("-XX:+EnableDynamicAgentLoading"), "race", "16");
            assertThat(child.values).as("round %d", round).containsEntry("errors", "0").containsEntry("mode", "self-attach")
                    .containsEntry("handoff", "true").containsEntry("helpers", "0");
            assertThat(child.otherLines).as("round %d", round).isEmpty();
        }
    }

    @Test
    void aRunningAttachListenerIsUsedAsItIs() throws Exception {
        Child child = run("-XX:+EnableDynamicAgentLoading", "-XX:+StartAttachListener");
        assertThat(child.values).containsEntry("attached", "true").containsEntry("trigger", "false");
        assertThat(child.otherLines).isEmpty();
    }

    @Test
    void underXrsTheJvmLivesAndPrintsNothing() throws Exception {
        // whether this JVM catches SIGQUIT under -Xrs is read from the process, not assumed from the flag: it is
        // signalled only when it does, and attached then; refused otherwise
        Child child = run("-Xrs", "-XX:+EnableDynamicAgentLoading");
        assertThat(child.values).containsEntry("alive", "true").containsEntry("trigger", "false")
                .containsAnyOf(Map.entry("attached", "true"), Map.entry("refused", "the JVM does not catch SIGQUIT"));
        assertThat(child.otherLines).isEmpty();
    }

    @Test
    void withTheAttachMechanismDisabledNoSignalIsSent() throws Exception {
        Child child = run("-XX:+DisableAttachMechanism");
        assertThat(child.values).containsEntry("refused", "the JVM runs with -XX:+DisableAttachMechanism")
                .containsEntry("trigger", "false").containsEntry("alive", "true");
        assertThat(child.otherLines).isEmpty(); // no thread dump
    }

    private static Child run(String... flags) throws IOException, InterruptedException {
        return runMain(List.of(flags));
    }

    private static Child runMain(List<String> flags, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SelfAttachProbe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.matches("[a-zA-Z]+=.*")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            else if (!line.isBlank()) {
                other.add(line);
            }
        }
        return new Child(values, other);
    }

    private record Child(Map<String, String> values, List<String> otherLines) {
    }
}
