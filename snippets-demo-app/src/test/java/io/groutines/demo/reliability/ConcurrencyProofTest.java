package io.groutines.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.groutines.Hub;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 32 client threads send 200 requests each, a mix of {@code GET /snippets/} and anonymous {@code POST /snippets/},
 * each with its own request id. In every request the seed groutines and the {@link Recorder} run; the recorder
 * records the id it sees at ENTER and at EXIT of the permission check and stamps a created snippet with it.
 * Every record must belong to its own request, every response must be its request's own (a created snippet
 * carries the title its client sent and the recorder's stamp of the same id), and nothing may fail.
 */
class ConcurrencyProofTest extends ReliabilityTestSupport {

    static final int CLIENTS = 32;

    static final int REQUESTS_PER_CLIENT = 200;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void everyGroutineSeesOnlyItsOwnRequest() throws Exception {
        long snippetsBefore = snippets.count();
        long dispatchedBefore = Hub.statistics().dispatched();
        java.util.Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, String> methods = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long began = System.nanoTime();
        try {
            List<Future<Integer>> created = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                created.add(clients.submit(() -> {
                    start.await();
                    int posts = 0;
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        String id = "c" + client + "-r" + r;
                        boolean post = (client + r) % 4 == 0;
                        methods.put(id, post ? "POST" : "GET");
                        try {
                            if (post) {
                                HttpResponse<String> response = send(postSnippet(id).header(Recorder.HEADER, id).build());
                                JsonNode body = response.statusCode() == 201 ? jsonMapper.readTree(response.body()) : null;
                                if (body == null || !id.equals(body.get("title").asString())
                                        || !("recorded by " + id).equals(body.get("code").asString())
                                        || !"vitalii".equals(body.get("owner").asString())) {
                                    failures.add(id + " POST: " + response.statusCode() + " " + response.body());
                                }
                                posts++;
                            }
                            else {
                                HttpResponse<String> response = send(request("/snippets/").header(Recorder.HEADER, id).GET().build());
                                if (response.statusCode() != 200 || !response.body().startsWith("{\"count\":")) {
                                    failures.add(id + " GET: " + response.statusCode() + " " + response.body());
                                }
                            }
                        }
                        catch (RuntimeException ex) {
                            failures.add(id + ": " + ex);
                        }
                    }
                    return posts;
                }));
            }
            start.countDown();
            int posts = 0;
            for (Future<Integer> future : created) {
                posts += future.get(5, TimeUnit.MINUTES);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            int total = CLIENTS * REQUESTS_PER_CLIENT;
            System.out.printf("[reliability] concurrency: %d requests (%d POST) from %d clients in %d ms, %.0f req/s, %d dispatches%n",
                    total, posts, CLIENTS, millis, total * 1000.0 / millis, Hub.statistics().dispatched() - dispatchedBefore);

            assertThat(failures).as("requests that failed or came back changed by another request").isEmpty();

            List<Recorder.Seen> seen = List.copyOf(Recorder.SEEN);
            assertThat(seen).as("one record per request").hasSize(total);
            Set<String> ids = new HashSet<>();
            for (Recorder.Seen record : seen) {
                assertThat(record.idAtExit()).as("the id seen at EXIT, for %s", record).isEqualTo(record.idAtEnter());
                assertThat(record.threadAtExit()).as("thread at EXIT, for %s", record).isEqualTo(record.threadAtEnter());
                assertThat(record.method()).as("method, for %s", record).isEqualTo(methods.get(record.idAtEnter()));
                assertThat(record.hub()).as("the hub, for %s", record).endsWith(" " + record.method() + " /snippets/");
                assertThat(ids.add(record.idAtEnter())).as("a second record of %s", record.idAtEnter()).isTrue();
            }
            assertThat(ids).isEqualTo(methods.keySet());
            Set<String> hubs = seen.stream().map(Recorder.Seen::hub).collect(Collectors.toSet());
            assertThat(hubs).as("one hub per request").hasSize(total);

            assertThat(snippets.count() - snippetsBefore).as("snippets created").isEqualTo(posts);
        }
        finally {
            clients.shutdownNow();
        }
    }
}
