package io.groutines.weaving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.sample.Ledger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groutines never break the application's {@code synchronized} blocks, in a JVM started as a user starts one (the
 * real agent, no {@code -ea}): 16 threads call a woven method inside a block on one shared lock, while each thread's
 * groutine is resumed at the call's ENTER — under that lock — and waits again for its EXIT; groutines are also
 * spawned and killed under the lock. From the first, interpreted calls to compiled code: every call keeps its lock,
 * the counter updated only under the lock is exact, and every thread finishes.
 */
class LockSafetyIT {

    private static final int THREADS = 16;

    private static final Object SHARED = new Object();

    @Test
    void platformThreads() throws Exception {
        run(false, Duration.ofSeconds(6));
    }

    @Test
    void virtualThreads() throws Exception {
        run(true, Duration.ofSeconds(4));
    }

    private static void run(boolean virtual, Duration duration) throws Exception {
        assertThat(LockSafetyIT.class.desiredAssertionStatus()).as("run without -ea, as users run").isFalse();
        long[] counter = { 0 };
        AtomicLong calls = new AtomicLong();
        AtomicInteger lockLost = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(THREADS);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Runnable body = () -> {
                Ledger ledger = new Ledger();
                try {
                    for (int round = 0; System.nanoTime() < deadline || round < 50; round++) {
                        try (Hub hub = Hub.open("thread-round-" + round)) {
                            spawnWatcher(hub, ledger);
                            for (int i = 0; i < 20; i++) {
                                synchronized (SHARED) {
                                    if (i == 7) {
                                        spawnWatcher(hub, ledger); // spawned under the lock, waits under it
                                    }
                                    ledger.add(1); // the groutine runs at ENTER and waits for EXIT here
                                    counter[0]++;
                                    if (!Thread.holdsLock(SHARED)) {
                                        lockLost.incrementAndGet();
                                    }
                                    if (i == 19 && round % 3 == 0) {
                                        hub.close(); // killed under the lock
                                    }
                                }
                                calls.incrementAndGet();
                            }
                        }
                    }
                }
                catch (Throwable ex) {
                    failures.incrementAndGet();
                    ex.printStackTrace();
                }
                finally {
                    done.countDown();
                }
            };
            threads.add(virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body));
        }
        boolean finished = done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        assertThat(finished).as("every thread finished (no thread is blocked on a lock nobody holds)").isTrue();
        assertThat(failures.get()).isZero();
        assertThat(lockLost.get()).as("calls after which the caller no longer held its lock").isZero();
        synchronized (SHARED) {
            assertThat(counter[0]).as("updates made only under the lock").isEqualTo(calls.get());
        }
        assertThat(Hub.statistics().openHubs()).isZero();
        for (Thread thread : threads) {
            thread.join(1000);
        }
    }

    private static void spawnWatcher(Hub hub, Ledger ledger) {
        hub.spawn("watcher", () -> {
            FunctionCall add = FunctionCall.of(ledger, "add");
            while (true) {
                add.await(Phase.ENTER);
                add.await(Phase.EXIT);
            }
        });
    }
}
