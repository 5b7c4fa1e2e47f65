package io.groutines.boot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Strand;
import io.groutines.boot.app.Recorder;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.app.Worker;
import io.groutines.boot.test.RequestGroutines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request's groutines follow the work it hands to other threads — an {@code @Async} method, a task on the
 * application's executor, {@code CompletableFuture} stages on it, an MVC {@code Callable}, a {@code DeferredResult}
 * completed from the executor — see those calls on those threads, change their arguments and replace their results,
 * and see nothing of any other request; 32 clients at once.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "server.tomcat.threads.max=16" })
@Import(RequestGroutines.class)
class RequestThreadsTests {

    private static final List<String> PATHS = List.of("async-method", "executor", "completable", "callable", "deferred");

    private static final int CLIENTS = 32;

    private static final int ROUNDS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    RequestGroutines requestGroutines;

    @Autowired
    Recorder recorder;

    @Test
    void aRequestsGroutineSeesChangesAndReplacesItsWorkOnOtherThreadsAndNothingElse() throws Exception {
        Map<String, String> hubThatSaw = new ConcurrentHashMap<>();
        Map<String, String> threadThatRan = new ConcurrentHashMap<>();
        AtomicInteger crossed = new AtomicInteger();
        try (RequestGroutines.Registration watch = this.requestGroutines.add("work-watch", () -> {
            FunctionCall work = FunctionCall.of(Worker.class, "work");
            Call enter = work.await(Phase.ENTER);
            String id = (String) enter.arg(0);
            String hub = Strand.current().orElseThrow().hub().name();
            if (hubThatSaw.putIfAbsent(id, hub) != null) {
                crossed.incrementAndGet();
            }
            threadThatRan.put(id, Thread.currentThread().getName());
            enter.setArg(0, id + "!");
            Call exit = work.await(Phase.EXIT);
            exit.replaceResult("patched " + exit.returnValue());
        })) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (String path : PATHS) {
                            String id = path + "-" + client + "-" + round;
                            String body = get("/threads/" + path + "?id=" + id).body();
                            String[] parts = body.split(" \\| ");
                            if (!parts[0].equals("patched worked " + id + "!")) {
                                problems.add(id + " answered " + body);
                            }
                            else if (!parts[1].equals(hubThatSaw.get(id))) {
                                problems.add(id + " was seen in " + hubThatSaw.get(id) + ", not its own " + parts[1]);
                            }
                        }
                    }
                    return problems;
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get());
            }
            clients.shutdown();
            assertThat(problems).isEmpty();
            assertThat(crossed.get()).as("calls seen by a groutine of another request").isZero();
            watch.assertFinished(CLIENTS * ROUNDS * PATHS.size());
        }
        assertThat(threadThatRan.values()).as("the work ran on other threads than the requests'")
                .noneMatch(thread -> thread.startsWith("http-nio") || thread.startsWith("tomcat-handler"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(Hub.statistics().openHubs()).as("open hubs").isZero();
            assertThat(Hub.statistics().liveGroutines()).as("live groutines").isZero();
        });
    }

    @Test
    void workThatStartsAfterItsRequestIsCompleteSeesNoHub() throws Exception {
        String hub = get("/threads/late?id=late-1").body();
        assertThat(hub).startsWith("request-");
        await().atMost(Duration.ofSeconds(5)).until(() -> !this.recorder.entries().stream()
                .filter(e -> e.what().equals("late work of late-1")).toList().isEmpty());
        assertThat(this.recorder.entries()).contains(new Recorder.Entry("(none)", "late work of late-1"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
