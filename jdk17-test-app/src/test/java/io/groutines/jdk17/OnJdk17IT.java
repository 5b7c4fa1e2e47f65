package io.groutines.jdk17;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application — a Spring Boot jar that contains the groutines starter — started as users start it, on a
 * JDK 17 ({@link OlderJdk}): with groutines off it starts and serves; switched on, it stops with one message naming
 * JDK 25; with the groutines agent on the command line, the agent says in one line that it weaves nothing, and the
 * application goes on as without it. Never an {@code UnsupportedClassVersionError}.
 */
class OnJdk17IT {

    private static final Path JAR = Path.of(System.getProperty("app.jar"));

    private static final Path AGENT = Path.of(System.getProperty("groutines.agent"));

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private static final String AGENT_LINE = "[groutines] Groutines need JDK 25 or newer and this JVM is ";

    private static OlderJdk jdk;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process app;

    private Path log;

    @BeforeAll
    static void findTheJdk() {
        jdk = OlderJdk.find();
        System.out.println("Starting the application on " + jdk);
    }

    @AfterEach
    void stop() throws Exception {
        if (this.app != null && this.app.isAlive()) {
            this.app.destroy();
            if (!this.app.waitFor(20, TimeUnit.SECONDS)) {
                this.app.destroyForcibly();
            }
        }
        if (this.log != null) {
            Files.deleteIfExists(this.log);
        }
    }

    @Test
    void offItStartsAndServes() throws Exception {
        int port = start(List.of());
        assertThat(get(port)).isEqualTo("running on Java " + jdk.feature());
        // Micrometer loaded the starter's accessor (META-INF/services), which captured nothing on this JDK
        assertThat(output()).contains("Started Jdk17Application").containsPattern("Context captured by \\[.*io\\.groutines\\.hub")
                .doesNotContain("[groutines]").doesNotContain("GROUTINES ARE ENABLED");
        assertClean(output());
    }

    @Test
    void switchedOnItStopsWithOneMessageNamingJdk25() throws Exception {
        String out = refused(List.of(), List.of("--groutines.enabled=true"));
        assertThat(out).contains("Groutines are switched on (groutines.enabled=true), but they need JDK 25 or newer, "
                + "and this application runs on Java " + jdk.feature())
                .contains("Run the application on JDK 25 or newer (your code may stay compiled for Java 17), or set "
                        + "groutines.enabled=false");
    }

    @Test
    void withTheAgentOffTheAgentSaysSoInOneLineAndTheApplicationStarts() throws Exception {
        int port = start(List.of("-javaagent:" + AGENT));
        assertThat(get(port)).isEqualTo("running on Java " + jdk.feature());
        String out = output();
        assertThat(out.lines().filter(l -> l.contains("[groutines]")))
                .containsExactly(AGENT_LINE + jdk.feature() + " (" + jdk.home() + "): the groutines agent weaves "
                        + "nothing, and the application runs without groutines");
        assertThat(out).contains("Started Jdk17Application");
        assertClean(out);
    }

    @Test
    void withTheAgentOnItStopsWithTheSameMessageNamingTheValueGiven() throws Exception {
        String out = refused(List.of("-javaagent:" + AGENT), List.of("--groutines.enabled=on"));
        assertThat(out).contains(AGENT_LINE + jdk.feature())
                .contains("Groutines are switched on (groutines.enabled=on), but they need JDK 25 or newer");
    }

    // ---- processes ----------------------------------------------------------------------------------------------

    private int start(List<String> jvm) throws Exception {
        launch(jvm, List.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher port = PORT.matcher(output());
            if (port.find() && output().contains("Started Jdk17Application")) {
                return Integer.parseInt(port.group(1));
            }
            if (!this.app.isAlive()) {
                throw new AssertionError("the application stopped:\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start within 120 s:\n" + output());
    }

    private String refused(List<String> jvm, List<String> args) throws Exception {
        launch(jvm, args);
        assertThat(this.app.waitFor(120, TimeUnit.SECONDS)).as("the refused application ends").isTrue();
        String out = output();
        assertThat(this.app.exitValue()).as(out).isNotZero();
        assertThat(out).contains("APPLICATION FAILED TO START").doesNotContain("Started Jdk17Application");
        assertClean(out);
        return out;
    }

    /** Nothing of a class file the JVM cannot read, nor of the instrumentation failing. */
    private static void assertClean(String out) {
        assertThat(out).doesNotContain("UnsupportedClassVersionError").doesNotContain("ASSERTION FAILED")
                .doesNotContain("class file version").doesNotContain("Exception in thread");
    }

    private void launch(List<String> jvm, List<String> args) throws IOException {
        this.log = Files.createTempFile("jdk17-app-", ".log");
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvm);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(args);
        command.add("--server.port=0");
        command.add("--server.address=127.0.0.1");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(this.log.toFile());
        builder.environment().remove("GROUTINES_ENABLED");
        this.app = builder.start();
    }

    private String get(int port) throws Exception {
        HttpResponse<String> reply = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private String output() throws IOException {
        return Files.readString(this.log);
    }
}
