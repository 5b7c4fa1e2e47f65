package io.groutines.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.groutines.demo.snippets.SnippetRepository;
import io.groutines.Hub;

/**
 * The one application context of the reliability proofs: the demo on a random port, groutines on, with the seed
 * groutines of the demo profile (start_view, check_permissions, fill_user) and the test-only {@link Recorder} and
 * {@link Faults} spawned into every request's hub. Its own in-memory database, so that the snippets it counts are
 * only its own (the other demo tests share another one).
 *
 * <p>{@link Scope#openCount()} and {@link Scope#liveTaskCount()} count for the whole JVM. Test classes run one after
 * another in the test JVM, and the other demo tests run with groutines off, so while a reliability test runs every
 * hub and groutine in the JVM is one of its requests'. Each test starts and ends with none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true",
        "groutines.active=start_view,check_permissions,fill_user,recorder,faults",
        "spring.datasource.url=jdbc:h2:mem:reliability;DB_CLOSE_DELAY=-1",
        "logging.level.io.groutines.demo.web.ApiExceptionHandler=OFF",
        "logging.level.org.apache.catalina.core.ContainerBase=OFF" })
abstract class ReliabilityTestSupport {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static final String TOM = "Basic " + Base64.getEncoder().encodeToString("tom:tom-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    SnippetRepository snippets;

    @BeforeEach
    void startQuiet() {
        awaitNoHubsNorGroutines();
        Recorder.SEEN.clear();
        Faults.ASYNC_SEEN.clear();
        Faults.throwAtSpawn = false;
    }

    @AfterEach
    void endQuiet() {
        Faults.throwAtSpawn = false;
        awaitNoHubsNorGroutines();
    }

    /** Polls the JVM-wide counters for up to 10 s: no open hub and no live groutine. */
    static void awaitNoHubsNorGroutines() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((Hub.statistics().openHubs() != 0 || Hub.statistics().liveGroutines() != 0) && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(Hub.statistics().openHubs()).as("open hubs").isZero();
        assertThat(Hub.statistics().liveGroutines()).as("live groutines").isZero();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** A POST /snippets/ request, anonymous (the seed groutines let it through) unless headers say otherwise. */
    HttpRequest.Builder postSnippet(String title) {
        return request("/snippets/").header("Content-Type", "application/json")
                .POST(json("{\"title\":\"" + title + "\",\"code\":\"print(1)\"}"));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
