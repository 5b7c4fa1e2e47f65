package io.groutines.demo.packaged;

import io.groutines.demo.DemoProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo — {@code spring-snippets-demo-<version>.jar}, a Spring Data JPA application — started as users
 * start it, in a JVM of its own, no {@code -ea}: with the groutines agent, self-attached, beside the OpenTelemetry
 * agent, with groutines off, and refused where the production guard says so (the jar, the exploded jar by class
 * path and by {@code JarLauncher}).
 */
class PackagedDemoIT {

    private static final Path JAR = Path.of(System.getProperty("demo.jar"));

    private static final Path AGENT = Path.of(System.getProperty("groutines.agent"));

    private static final Path OTEL = Path.of(System.getProperty("otel.agent"));

    private static final String ALLOW = "--groutines.allow-in-production=true";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoProcess app;

    @AfterEach
    void stop() throws Exception {
        if (this.app != null) {
            this.app.close();
        }
    }

    @Test
    void withTheAgentTheScenarioWorksAndEveryKindOfTargetFires() throws Exception {
        int port = start(List.of("-javaagent:" + AGENT), List.of("-jar", JAR.toString(), ALLOW,
                "--groutines.active=start_view,check_permissions,fill_user,data_trace"));
        assertSeedScenario(port);
        long id = created(port, "tom", "{\"title\":\"t\",\"code\":\"c\"}");
        assertThat(get(port, "/snippets/" + id + "/").statusCode()).isEqualTo(200);
        assertThat(get(port, "/users/2/").statusCode()).isEqualTo(200);
        String out = output();
        assertThat(out).contains("data_trace: UserRepository.findByUsername(tom)")
                .contains("data_trace: SnippetStore.save -> snippet " + id)
                .contains("data_trace: SnippetRepository.findById(" + id + ") -> found")
                .contains("data_trace: UserDetailController.retrieve(2) -> 200");
        assertNoSpuriousLines(out);
    }

    @Test
    void selfAttachedTheScenarioWorks() throws Exception {
        int port = start(List.of(), List.of("-jar", JAR.toString(), ALLOW,
                "--groutines.active=start_view,check_permissions,fill_user,data_trace"));
        assertSeedScenario(port);
        assertThat(get(port, "/users/2/").statusCode()).isEqualTo(200);
        assertThat(output()).contains("data_trace: UserDetailController.retrieve(2) -> 200");
    }

    @Test
    void besideTheOpenTelemetryAgentTheScenarioWorks() throws Exception {
        int port = start(List.of("-javaagent:" + OTEL, "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none", "-javaagent:" + AGENT), List.of("-jar", JAR.toString(), ALLOW));
        assertSeedScenario(port);
        assertThat(output()).contains("opentelemetry-javaagent");
    }

    @Test
    void offTheAgentWeavesNothingAndTheApplicationIsUnchanged() throws Exception {
        int port = start(List.of("-javaagent:" + AGENT), List.of("-jar", JAR.toString(), "--groutines.enabled=false"));
        HttpResponse<String> anonymous = post(port, null, "{\"title\":\"aaa\",\"code\":\"bbb\"}");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(output()).contains("Groutines are disabled").contains("weaves nothing more")
                .contains("(0 classes were woven before this decision)").doesNotContain("GROUTINES ARE ENABLED");
    }

    @Test
    void theJarIsRefusedUnlessAllowed() throws Exception {
        assertThat(refused(List.of("-javaagent:" + AGENT), List.of("-jar", JAR.toString())))
                .contains("launched as packaged").contains("groutines.allow-in-production=true");
    }

    @Test
    void theExplodedJarIsRefusedByClassPathAndByJarLauncher(@TempDir Path dir) throws Exception {
        explode(JAR, dir);
        String classPath = dir.resolve("BOOT-INF/classes") + java.io.File.pathSeparator + dir.resolve("BOOT-INF/lib") + "/*";
        assertThat(refused(List.of(), List.of("-cp", classPath, "io.groutines.demo.SnippetsApplication")))
                .contains("an exploded archive");
        assertThat(refused(List.of(), List.of("-cp", dir.toString(), "org.springframework.boot.loader.launch.JarLauncher")))
                .contains("launched as packaged");
    }

    // ---- the seed scenario --------------------------------------------------------------------------------------

    private void assertSeedScenario(int port) throws Exception {
        HttpResponse<String> reply = post(port, null, "{\"title\":\"aaa\",\"code\":\"bbb\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body()).contains("\"owner\":\"vitalii\"");
    }

    private long created(int port, String user, String json) throws Exception {
        HttpResponse<String> reply = post(port, user, json);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(reply.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private HttpResponse<String> post(int port, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/snippets/"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoSpuriousLines(String out) {
        assertThat(out.lines().filter(l -> l.contains(" ERROR ") || l.contains("[groutines]") || l.contains("ajcore")
                || l.contains("cannot be found"))).isEmpty();
    }

    // ---- processes ----------------------------------------------------------------------------------------------

    private int start(List<String> jvm, List<String> args) throws Exception {
        launch(jvm, args);
        return this.app.awaitStarted(0);
    }

    private String refused(List<String> jvm, List<String> args) throws Exception {
        launch(jvm, args);
        assertThat(this.app.awaitEnd(120)).as("the refused demo ends").isTrue();
        String out = output();
        assertThat(out).contains("APPLICATION FAILED TO START").doesNotContain("Started SnippetsApplication");
        return out;
    }

    private void launch(List<String> jvm, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(args);
        command.add("--server.port=0");
        command.add("--server.address=127.0.0.1");
        command.add("--spring.datasource.url=jdbc:h2:mem:packaged;DB_CLOSE_DELAY=-1");
        this.app = DemoProcess.launch(command, null, Files.createTempFile("packaged-demo-", ".log"));
    }

    private String output() throws IOException {
        return this.app.output();
    }

    private static void explode(Path jar, Path into) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                }
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file.getInputStream(entry), target);
                }
            }
        }
    }
}
