package io.groutines.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.groutines.Hub;

/**
 * Groutines that fail, never finish, or run in requests that end badly. After each: the application keeps
 * serving (a plain request afterwards gets its 200), every hub is closed and every groutine dead
 * ({@link Scope#openCount()} and {@link Scope#liveTaskCount()} are 0, checked after each test by
 * {@link ReliabilityTestSupport}), and the database holds exactly the snippets whose creation succeeded.
 */
class FaultProofTest extends ReliabilityTestSupport {

    /** A normal anonymous create (the seed groutines let it through) and a normal list, both fine. */
    private void stillServes() {
        HttpResponse<String> list = send(request("/snippets/").GET().build());
        assertThat(list.statusCode()).as("GET /snippets/ afterwards: %s", list.body()).isEqualTo(200);
        HttpResponse<String> create = send(postSnippet("after").build());
        assertThat(create.statusCode()).as("POST /snippets/ afterwards: %s", create.body()).isEqualTo(201);
        assertThat(create.body()).contains("\"owner\":\"vitalii\"");
    }

    private HttpResponse<String> postWithFault(String fault) {
        return send(postSnippet("fault " + fault).header(Faults.HEADER, fault).build());
    }

    @Test
    void aGroutineThatThrowsAtEnterFailsOnlyItsOwnRequest() {
        long before = snippets.count();

        HttpResponse<String> refused = postWithFault("enter");

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("A server error occurred.");
        assertThat(snippets.count()).as("nothing saved by the failed request").isEqualTo(before);
        stillServes();
        assertThat(snippets.count()).isEqualTo(before + 1);
    }

    @Test
    void aGroutineThatThrowsAtExitStopsTheSave() {
        long before = snippets.count();

        HttpResponse<String> refused = postWithFault("exit");

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(snippets.count()).as("preSave failed at EXIT: nothing saved").isEqualTo(before);
        stillServes();
        assertThat(snippets.count()).isEqualTo(before + 1);
    }

    @Test
    void aGroutineThatThrowsAfterAnEventFailsTheCallThatFiredIt() {
        long before = snippets.count();

        HttpResponse<String> refused = postWithFault("event");
        HttpResponse<String> listRefused = send(request("/snippets/").header(Faults.HEADER, "event").GET().build());

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(listRefused.statusCode()).isEqualTo(500);
        assertThat(snippets.count()).isEqualTo(before);
        stillServes();
    }

    @Test
    void aGroutineThatThrowsAtSpawnFailsTheRequestBeforeItRuns() {
        long before = snippets.count();
        Faults.throwAtSpawn = true;

        HttpResponse<String> refused = postWithFault("none");

        Faults.throwAtSpawn = false;
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(snippets.count()).isEqualTo(before);
        stillServes();
    }

    @Test
    void groutinesThatNeverFinishAreKilledWithTheirRequest() {
        int killedBefore = Faults.NEVER_KILLED.get();
        long before = snippets.count();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> created = postWithFault("never");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        awaitNoHubsNorGroutines();
        assertThat(Faults.NEVER_KILLED.get() - killedBefore).as("finally blocks run by the kill").isEqualTo(20);
        assertThat(snippets.count()).isEqualTo(before + 20);
        stillServes();
    }

    @Test
    void aClientThatDisconnectsMidResponseLeavesNothingBehind() throws Exception {
        int chunksBefore = Faults.CHUNKS_SEEN.get();
        ReliabilityController.STREAM_OUTCOME.set(null);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /reliability/stream HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: gone\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = 0;
            while (read < 64 * 1024) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            socket.setSoLinger(true, 0); // close with a reset: the server's next write fails
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ReliabilityController.STREAM_OUTCOME.get() == null && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(ReliabilityController.STREAM_OUTCOME.get()).as("how the stream ended").startsWith("aborted");
        assertThat(Faults.CHUNKS_SEEN.get() - chunksBefore).as("chunks a groutine saw").isPositive();
        awaitNoHubsNorGroutines();
        stillServes();
    }

    @Test
    void anAsyncRequestThatTimesOutClosesItsHub() {
        HttpResponse<String> timedOut = send(request("/reliability/timeout").GET().build());

        assertThat(timedOut.statusCode()).as(timedOut.body()).isGreaterThanOrEqualTo(500);
        awaitNoHubsNorGroutines();
        stillServes();
    }

    @Test
    void asyncRequestsKeepTheirHubAcrossDispatchesAndCloseIt() {
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(CLIENT.sendAsync(request("/reliability/async").header(Recorder.HEADER, "async-" + i).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        sleep(30);
        long openWhilePending = Hub.statistics().openHubs();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> reply = replies.get(i).join();
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("async async-" + i);
        }

        assertThat(openWhilePending).as("hubs open while the async requests were pending").isPositive();
        awaitNoHubsNorGroutines();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("ASYNC async-" + i);
        }
        assertThat(Faults.ASYNC_SEEN).as("groutines that saw their request's async dispatch")
                .containsExactlyInAnyOrderElementsOf(expected);
        stillServes();
    }

    @Test
    void aMixOfFaultsLeavesExactlyTheRowsThatSucceeded() {
        long before = snippets.count();
        String[] faults = { "none", "enter", "exit", "event", "never" };
        int succeeded = 0;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> reply = postWithFault(faults[i % faults.length]);
            if (reply.statusCode() == 201) {
                succeeded++;
                String body = reply.body();
                int at = body.indexOf("\"id\":") + 5;
                ids.add(Long.parseLong(body.substring(at, body.indexOf(',', at))));
            }
            else {
                assertThat(reply.statusCode()).isEqualTo(500);
            }
        }

        assertThat(succeeded).isEqualTo(20);
        assertThat(snippets.count() - before).isEqualTo(succeeded);
        assertThat(snippets.findAllById(ids)).hasSize(succeeded);
    }
}
