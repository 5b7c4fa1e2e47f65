package io.groutines.boot.races;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Signals;
import io.groutines.boot.app.Greeter;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.app.Worker;
import io.groutines.boot.test.RequestGroutines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Holds across requests of a real server: a groutine of one request holds its call until a groutine of another
 * request sends a signal — declared with {@code @Groutine} or added by the test; 32 pairs at once, each released by
 * its own signal only; a hold that times out fails its request and its signals with the interleaving; a hub closed
 * while its groutine holds releases it; the watchdog and the endpoint show a held groutine as holding.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "groutines.scan-packages=io.groutines.boot.app,io.groutines.boot.races",
                "groutines.hold.timeout=7s", "groutines.watchdog.threshold=300ms",
                "management.endpoints.web.exposure.include=groutines" })
@Import(RequestGroutines.class)
@ExtendWith(OutputCaptureExtension.class)
class HoldsAcrossRequestsTests {

    static final FunctionCall GREET = FunctionCall.of(Greeter.class, "greet");

    private static final int PAIRS = 32;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    RequestGroutines requestGroutines;

    @Autowired
    HeldGreetings heldGreetings;

    @AfterEach
    void nothingLeft() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(Hub.statistics().openHubs()).as("open hubs").isZero();
            assertThat(Hub.statistics().liveGroutines()).as("live groutines").isZero();
        });
    }

    @Test
    void aRequestHeldAtItsCallGoesOnOnlyAfterAnotherRequestSendsTheSignal() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        try (Signals signals = Signals.open("a waits for b");
                RequestGroutines.Registration pair = this.requestGroutines.add("pair", () -> {
                    Call greeted = GREET.await(Phase.EXIT);
                    if (greeted.arg(0).equals("a")) {
                        order.add("a greeted on a " + (Thread.currentThread().isVirtual() ? "virtual" : "platform")
                                + " thread");
                        signals.hold(greeted, "b greeted");
                        order.add("a goes on");
                    }
                    else {
                        order.add("b greeted");
                        signals.send("b greeted");
                    }
                })) {
            CompletableFuture<HttpResponse<String>> a = getAsync("/greet?name=a");
            await().atMost(Duration.ofSeconds(5)).until(() -> signals.holds().size() == 1);
            Thread.sleep(200);
            assertThat(a).as("a is held").isNotDone();
            HttpResponse<String> b = get("/greet?name=b");
            assertThat(b.body()).startsWith("Hello, b from request-");
            assertThat(a.get(5, TimeUnit.SECONDS).body()).startsWith("Hello, a from request-");
            assertThat(order).containsExactly("a greeted on a " + threads() + " thread", "b greeted", "a goes on");
            List<String> steps = steps(signals);
            assertThat(steps).hasSize(3);
            assertThat(steps.get(0)).contains("'pair' of request-").contains("GET /greet on ")
                    .contains("holds io.groutines.boot.app.Greeter.greet EXIT until 'b greeted'");
            assertThat(steps.get(1)).contains("sends 'b greeted'");
            assertThat(steps.get(2)).contains("released by 'b greeted' after");
            pair.assertFinished(2);
        }
    }

    @Test
    void aDeclaredGroutineHoldsAndSignalsAcrossRequests() throws Exception {
        try (Signals signals = Signals.open("declared")) {
            this.heldGreetings.use(signals);
            CompletableFuture<HttpResponse<String>> a = getAsync("/greet?name=declared-a");
            await().atMost(Duration.ofSeconds(5)).until(() -> signals.holds().size() == 1);
            assertThat(signals.holds().get(0).call()).isEqualTo("io.groutines.boot.app.Greeter.greet EXIT");
            assertThat(a).isNotDone();
            assertThat(get("/greet?name=declared-b").statusCode()).isEqualTo(200);
            assertThat(a.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(steps(signals)).hasSize(3).last().asString().contains("'HeldGreetings.greeted' of request-")
                    .contains("released by 'b greeted'");
        }
        finally {
            this.heldGreetings.use(null);
        }
    }

    @Test
    void thirtyTwoPairsAtOnceEachReleasedByItsOwnSignalOnly() throws Exception {
        List<Signals> scopes = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            scopes.add(Signals.open("pair " + i));
        }
        try (RequestGroutines.Registration pairs = this.requestGroutines.add("pair", () -> {
            Call greeted = GREET.await(Phase.EXIT);
            String[] name = ((String) greeted.arg(0)).split("-"); // a-7, b-7: the same signal name in every pair
            Signals signals = scopes.get(Integer.parseInt(name[1]));
            if (name[0].equals("a")) {
                signals.hold(greeted, "b greeted");
            }
            else {
                signals.send("b greeted");
            }
        })) {
            List<CompletableFuture<HttpResponse<String>>> as = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                as.add(getAsync("/greet?name=a-" + i));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> scopes.stream().allMatch(signals -> signals.holds().size() == 1));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                order.add(i);
            }
            Collections.shuffle(order);
            List<Integer> released = new ArrayList<>();
            for (int pair : order) {
                assertThat(get("/greet?name=b-" + pair).statusCode()).isEqualTo(200);
                assertThat(as.get(pair).get(5, TimeUnit.SECONDS).body()).startsWith("Hello, a-" + pair + " from ");
                released.add(pair);
                for (int other = 0; other < PAIRS; other++) {
                    if (!released.contains(other)) {
                        assertThat(scopes.get(other).holds()).as("pair %d after b-%d was greeted", other, pair)
                                .hasSize(1);
                        assertThat(as.get(other)).isNotDone();
                    }
                }
            }
            for (Signals signals : scopes) {
                List<String> steps = steps(signals);
                assertThat(steps).hasSize(3);
                assertThat(steps.get(2)).contains("released by 'b greeted'");
                signals.close();
            }
            pairs.assertFinished(2 * PAIRS);
        }
    }

    @Test
    void aHoldThatTimesOutFailsItsRequestAndItsSignalsWithTheInterleaving(CapturedOutput output) throws Exception {
        assertThat(Signals.defaultTimeout()).as("groutines.hold.timeout").isEqualTo(Duration.ofSeconds(7));
        Signals signals = Signals.open("never sent", Duration.ofMillis(500));
        try (RequestGroutines.Registration held = this.requestGroutines.add("held", () -> {
            Call greeted = GREET.await(Phase.EXIT);
            signals.send("t greeted");
            signals.hold(greeted, "never");
        })) {
            HttpResponse<String> response = get("/greet?name=t");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(held.failures()).singleElement().isInstanceOf(AssertionError.class);
            String report = held.failures().get(0).getMessage();
            assertThat(report).contains("Groutine 'held' of request-").contains("GET /greet on ")
                    .contains(" held io.groutines.boot.app.Greeter.greet EXIT until signal 'never' of signals "
                            + "'never sent', which was not sent within 500.000 ms")
                    .contains("sends 't greeted'").contains("holds io.groutines.boot.app.Greeter.greet EXIT until "
                            + "'never'").contains("released without 'never' after");
            assertThat(output).contains("ERROR").contains("until signal 'never' of signals 'never sent', which was "
                    + "not sent within 500.000 ms");
        }
        assertThatThrownBy(signals::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 hold(s) of signals 'never sent' did not end with their signal")
                .hasMessageContaining("timed out");
    }

    @Test
    void aHubClosedWhileItsGroutineHoldsReleasesTheHoldAndKillsTheGroutine() throws Exception {
        try (Signals signals = Signals.open("hub closes");
                RequestGroutines.Registration held = this.requestGroutines.add("held", () -> {
                    Call work = FunctionCall.of(Worker.class, "work").await(Phase.ENTER);
                    signals.hold(work, "never");
                })) {
            // the work runs on the executor, in the request's hub; the request's async timeout completes it first
            HttpResponse<String> response = get("/threads/deferred?id=held&timeout=300");
            assertThat(response.statusCode()).isEqualTo(503);
            await().atMost(Duration.ofSeconds(5)).until(() -> held.killed() == 1);
            assertThat(signals.holds()).isEmpty();
            assertThat(signals.trace()).contains("holds io.groutines.boot.app.Worker.work ENTER until 'never'")
                    .contains("released without 'never' after").contains("its hub closed");
        }
    }

    @Test
    void theWatchdogAndTheEndpointShowAHeldGroutineAsHolding(CapturedOutput output) throws Exception {
        try (Signals signals = Signals.open("watched");
                RequestGroutines.Registration watched = this.requestGroutines.add("watched", () -> {
                    Call greeted = GREET.await(Phase.EXIT);
                    if (greeted.arg(0).equals("w")) {
                        signals.hold(greeted, "go");
                    }
                })) {
            CompletableFuture<HttpResponse<String>> held = getAsync("/greet?name=w");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output)
                    .contains("Groutine 'watched' of request-")
                    .contains("holds io.groutines.boot.app.Greeter.greet EXIT on thread '")
                    .contains("until signal 'go' of signals 'watched', since "));
            String endpoint = get("/actuator/groutines").body();
            assertThat(endpoint).contains("\"name\":\"watched\"", "\"hold\":{",
                    "\"call\":\"io.groutines.boot.app.Greeter.greet EXIT\"", "\"signal\":\"go\"",
                    "\"signals\":\"watched\"", "\"heldMillis\":");
            signals.send("go");
            assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(output).doesNotContain("has been running for");
        }
    }

    /** @return the kind of threads requests are served on */
    String threads() {
        return "platform";
    }

    private static List<String> steps(Signals signals) {
        List<String> lines = List.of(signals.trace().split("\n"));
        return lines.subList(1, lines.size());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return this.http.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
    }
}
