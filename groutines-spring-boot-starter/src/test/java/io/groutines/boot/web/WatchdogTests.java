package io.groutines.boot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.groutines.FunctionCall;
import io.groutines.Phase;
import io.groutines.boot.app.Greeter;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.test.RequestGroutines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A groutine that holds its request — it sleeps instead of returning or waiting — is reported by the watchdog, with
 * its name and its stack, and shows in the actuator endpoint while it runs.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "groutines.watchdog.threshold=300ms",
                "management.endpoints.web.exposure.include=groutines" })
@Import(RequestGroutines.class)
@ExtendWith(OutputCaptureExtension.class)
class WatchdogTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RequestGroutines requestGroutines;

    @Test
    void aGroutineThatRunsForLongIsReportedWithItsStackAndShownByTheEndpoint(CapturedOutput output) throws Exception {
        try (RequestGroutines.Registration sleepy = this.requestGroutines.add("sleepy", () -> {
            FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
            try {
                Thread.sleep(1500);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        })) {
            CompletableFuture<HttpResponse<String>> slow = this.http.sendAsync(request("/greet?name=x"),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output)
                    .contains("Groutine 'sleepy' of request-").contains("has been running for")
                    .contains("java.lang.Thread.sleep").contains("WatchdogTests"));
            String endpoint = this.http.send(request("/actuator/groutines"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(endpoint).contains("\"name\":\"sleepy\"").contains("\"runningMillis\":");
            assertThat(slow.get().statusCode()).isEqualTo(200);
            sleepy.assertFinished(1);
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build();
    }
}
