package io.groutines.boot.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.groutines.Event;
import io.groutines.Hub;
import io.groutines.boot.app.Recorder;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.boot.test.RequestGroutines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real server: each request gets its groutines and loses them when its response is complete, on every path.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "management.endpoints.web.exposure.include=groutines",
                "server.tomcat.threads.max=8", "server.tomcat.threads.min-spare=2" })
@Import(RequestGroutines.class)
class RequestLifecycleTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    Recorder recorder;

    @Autowired
    LiveHubs liveHubs;

    @Autowired
    RequestGroutines requestGroutines;

    @AfterEach
    void noHubLeaksIntoTheNextRequest() {
        assertThat(this.recorder.leaks()).isEmpty();
        assertThat(Hub.current()).isEmpty();
    }

    @Test
    void aNormalRequestSpawnsItsGroutinesAndKillsThemWhenTheResponseIsComplete() throws Exception {
        HttpResponse<String> response = get("/seen?id=normal");
        assertThat(response.statusCode()).isEqualTo(200);
        String hub = response.body();
        assertThat(hub).contains("GET /seen");
        awaitClosed(hub);
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen normal", "killed");
    }

    @Test
    void aRequestThatThrowsKillsItsGroutines() throws Exception {
        HttpResponse<String> response = get("/exception?id=thrown");
        assertThat(response.statusCode()).isEqualTo(500);
        String hub = hubThatSaw("thrown");
        awaitClosed(hub);
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen thrown", "killed");
        assertNoErrorDispatchHub("thrown");
    }

    @Test
    void anErrorStatusKillsTheGroutinesAndTheErrorPageGetsNone() throws Exception {
        HttpResponse<String> response = get("/error-status?id=teapot");
        assertThat(response.statusCode()).isEqualTo(418);
        String hub = hubThatSaw("teapot");
        awaitClosed(hub);
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen teapot", "killed");
        assertNoErrorDispatchHub("teapot");
    }

    @Test
    void anAsyncRequestKeepsItsGroutinesUntilItCompletesAndRebindsThemOnTheAsyncDispatch() throws Exception {
        HttpResponse<String> response = get("/async?id=later");
        assertThat(response.statusCode()).isEqualTo(200);
        String hub = response.body();
        awaitClosed(hub);
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen later", "alive before completion", "seen async:later", "killed");
    }

    @Test
    void anAsyncTimeoutsErrorDispatchReusesTheStillOpenHub() throws Exception {
        HttpResponse<String> response = get("/raw-async-timeout?id=timeout");
        assertThat(response.statusCode()).isEqualTo(500);
        String hub = hubThatSaw("timeout");
        awaitClosed(hub);
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen timeout", "seen error:timeout", "killed");
    }

    @Test
    void aClientAbortKillsTheGroutines() throws Exception {
        try (Socket socket = new Socket("localhost", this.port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /abort?id=gone HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> !this.recorder.seen("gone").isEmpty());
            socket.setSoLinger(true, 0); // reset, not a polite close
        }
        String hub = hubThatSaw("gone");
        assertThat(this.recorder.killed(hub)).isFalse();
        this.recorder.latch("gone").countDown();
        awaitClosed(hub);
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen gone", "killed");
    }

    @Test
    void fiftyConcurrentRequestsEachSeeOnlyTheirOwnData() throws Exception {
        int n = 50;
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < n; i++) {
                String id = "c" + i;
                responses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return get("/seen?id=" + id);
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }, clients));
            }
        }
        Map<String, String> hubById = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = responses.get(i).join();
            assertThat(response.statusCode()).isEqualTo(200);
            hubById.put("c" + i, response.body());
        }
        assertThat(hubById.values()).doesNotHaveDuplicates();
        hubById.forEach((id, hub) -> {
            awaitClosed(hub);
            // the request's groutines saw its own id, once, and nothing else
            assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                    .containsExactly("spawned", "seen " + id, "killed");
            assertThat(this.recorder.seen(id)).extracting(Recorder.Entry::hub).containsExactly(hub);
        });
    }

    @Test
    void theActuatorEndpointListsGroutinesHubsAndCounters() throws Exception {
        HttpResponse<String> response = get("/actuator/groutines");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"recorder\"", "io.groutines.boot.app.RecordingGroutines",
                "\"trigger\":\"Event(SEEN) loop\"", "\"method\":\"watch\"", "\"counters\"", "\"dispatched\"",
                "\"hubs\"", "GET /actuator/groutines", "\"scannedPackages\":[\"io.groutines.boot.app\"]",
                "\"lockCheck\":{\"mode\":\"fast-count\"");
    }

    @Test
    void aTestCanPutItsOwnGroutinesIntoTheRequestsOfARealServer() throws Exception {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RequestGroutines.Registration registration = this.requestGroutines.add("test-sees", () -> {
            Object[] data = Event.named("SEEN").await();
            seen.add(data[0]);
        })) {
            get("/seen?id=from-test");
            awaitClosed(hubThatSaw("from-test"));
            registration.assertFinished(1);
        }
        assertThat(seen).containsExactly("from-test");
        get("/seen?id=after");
        assertThat(seen).containsExactly("from-test");
    }

    /** The request's hub was closed when its dispatch ended: the error page ran without one, and made none. */
    private void assertNoErrorDispatchHub(String id) {
        await().atMost(Duration.ofSeconds(5)).until(() -> this.recorder.entries()
                .contains(new Recorder.Entry("(none)", "error dispatch without hub " + id)));
        assertThat(this.recorder.entries()).extracting(Recorder.Entry::hub).noneMatch(h -> h.endsWith(" /error"));
    }

    private String hubThatSaw(String id) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !this.recorder.seen(id).isEmpty());
        List<Recorder.Entry> entries = this.recorder.seen(id);
        assertThat(entries).hasSize(1);
        return entries.get(0).hub();
    }

    private void awaitClosed(String hub) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(this.recorder.killed(hub)).as("groutines of %s killed", hub).isTrue();
            assertThat(this.liveHubs.hubs()).extracting(Hub::name).doesNotContain(hub);
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
