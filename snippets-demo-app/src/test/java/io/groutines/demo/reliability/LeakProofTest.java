package io.groutines.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.groutines.Hub;

/**
 * 20 000 requests with groutines on ({@code GET /snippets/}: each request's hub gets the seed groutines, the
 * recorder and the fault groutines, most of which wait until the hub closes and kills them). Afterwards no hub is
 * open and no groutine alive, and the heap after GC is within 10 % of its level after the first 1 000 requests.
 */
class LeakProofTest extends ReliabilityTestSupport {

    static final int WARMUP = 1_000;

    static final int TOTAL = 20_000;

    static final int CLIENTS = 8;

    @Test
    void twentyThousandRequestsLeaveNoHubNoGroutineAndNoHeapGrowth() throws Exception {
        long began = System.nanoTime();
        long dispatchedBefore = Hub.statistics().dispatched();
        run(WARMUP);
        awaitNoHubsNorGroutines();
        long afterWarmup = heapAfterGc();

        run(TOTAL - WARMUP);
        awaitNoHubsNorGroutines();
        long afterAll = heapAfterGc();

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        System.out.printf("[reliability] leak: %d requests in %d ms (%.0f req/s), %d dispatches; heap after GC: %.1f MiB after %d,"
                + " %.1f MiB after %d (%+.1f %%); open hubs %d, live groutines %d%n",
                TOTAL, millis, TOTAL * 1000.0 / millis, Hub.statistics().dispatched() - dispatchedBefore,
                afterWarmup / 1048576.0, WARMUP, afterAll / 1048576.0, TOTAL, (afterAll - afterWarmup) * 100.0 / afterWarmup,
                Hub.statistics().openHubs(), Hub.statistics().liveGroutines());
        assertThat(afterAll).as("heap after GC, after %d requests, against %d bytes after %d", TOTAL, afterWarmup, WARMUP)
                .isLessThanOrEqualTo(afterWarmup + afterWarmup / 10);
    }

    private void run(int requests) throws Exception {
        HttpRequest list = request("/snippets/").GET().build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int share = requests / CLIENTS + (c < requests % CLIENTS ? 1 : 0);
                done.add(clients.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < share; i++) {
                        HttpResponse<String> reply = send(list);
                        if (reply.statusCode() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> future : done) {
                ok += future.get(5, TimeUnit.MINUTES);
            }
            assertThat(ok).as("requests answered 200").isEqualTo(requests);
        }
        finally {
            clients.shutdownNow();
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
