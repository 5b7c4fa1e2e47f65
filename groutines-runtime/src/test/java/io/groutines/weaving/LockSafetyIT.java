package io.groutines.weaving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.LockCheck;
import io.groutines.Phase;
import io.groutines.weaving.sample.Ledger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groutines never break the application's {@code synchronized} blocks, in a JVM started as a user starts one (the
 * real agent, no {@code -ea}): 16 threads call a woven method inside a block on one shared lock, while each thread's
 * groutine is resumed at the call's ENTER — under that lock — and waits again for its EXIT; groutines are also
 * spawned and killed under the lock. From the first, interpreted calls to compiled code: every call keeps its lock,
 * the counter updated only under the lock is exact, and every thread finishes. Run once per way of checking locks
 * ({@link LockCheck}: each failsafe execution of this module forces one).
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
        if (!waitsRefusedOnVirtualThreads()) {
            run(true, Duration.ofSeconds(4));
        }
    }

    /**
     * With the public API only, a virtual thread's locks cannot be seen: every wait there is refused, saying so,
     * rather than risk a lock.
     */
    private static boolean waitsRefusedOnVirtualThreads() throws Exception {
        if (LockCheck.inForce().mode() != LockCheck.Mode.PUBLIC_API) {
            return false;
        }
        Throwable[] refused = new Throwable[1];
        Thread.ofVirtual().start(() -> {
            try (Hub hub = Hub.open("virtual")) {
                hub.spawn(() -> Event.named("NEVER").await());
            }
            catch (Throwable ex) {
                refused[0] = ex;
            }
        }).join();
        assertThat(refused[0]).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no way to check the locks of a virtual thread");
        return true;
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

    /**
     * The path where the thread's lock stack is not empty: every call under a new, uncontended monitor, so that each
     * groutine's first suspension finds it fast-locked and must keep it with the caller. After each block another
     * thread must be able to take the monitor (it was released), and the caller held it throughout.
     */
    @Test
    void newUncontendedMonitorsStayWithTheirCaller() throws Exception {
        assertThat(LockSafetyIT.class.desiredAssertionStatus()).as("run without -ea, as users run").isFalse();
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicInteger lockLost = new AtomicInteger();
        AtomicInteger notReleased = new AtomicInteger();
        AtomicLong calls = new AtomicLong();
        Object[] published = new Object[1]; // the monitors escape: the JIT may not elide locking them
        Ledger ledger = new Ledger();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        try (Hub hub = Hub.open("new-monitors")) {
            spawnWatcher(hub, ledger);
            for (int i = 0; System.nanoTime() < deadline || i < 2_000; i++) {
                Object monitor = new Object();
                published[0] = monitor;
                synchronized (monitor) {
                    ledger.add(1); // resumed at ENTER under the monitor, suspends again: the monitor stays here
                    if (!Thread.holdsLock(monitor)) {
                        lockLost.incrementAndGet();
                    }
                }
                calls.incrementAndGet();
                if (i % 100 == 0) {
                    Future<?> taken = other.submit(() -> {
                        synchronized (monitor) {
                            return null;
                        }
                    });
                    try {
                        taken.get(5, TimeUnit.SECONDS);
                    }
                    catch (TimeoutException ex) {
                        notReleased.incrementAndGet();
                        break;
                    }
                }
            }
        }
        finally {
            other.shutdownNow();
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(2_000);
        assertThat(lockLost.get()).as("calls after which the caller no longer held its monitor").isZero();
        assertThat(notReleased.get()).as("monitors another thread could not take after the block").isZero();
        assertThat(ledger.entries()).isEqualTo(calls.get());
    }

    @Test
    void manyPlatformThreadsEachUnderNewMonitorsOfTheirOwn() throws Exception {
        ownMonitorsUnderContention(false);
    }

    @Test
    void manyVirtualThreadsEachUnderNewMonitorsOfTheirOwn() throws Exception {
        if (!waitsRefusedOnVirtualThreads()) {
            ownMonitorsUnderContention(true);
        }
    }

    /**
     * The shape a hostile trial found failing: many threads at once, each calling the woven method under monitors of
     * its own — new each call, some already inflated, some entered twice, some under a shared lock too — after the
     * JVM has seen contention everywhere, while each thread's groutine waits again under them. Every wait must be
     * kept (no request fails), every monitor stays held by its caller and is released after its block.
     */
    private static void ownMonitorsUnderContention(boolean virtual) throws Exception {
        assertThat(LockSafetyIT.class.desiredAssertionStatus()).as("run without -ea, as users run").isFalse();
        run(virtual, Duration.ofSeconds(1)); // contention first: whatever the runtime shares has been contended
        AtomicLong calls = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger lockLost = new AtomicInteger();
        AtomicInteger notReleased = new AtomicInteger();
        List<Throwable> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(THREADS);
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Runnable body = () -> {
                Ledger ledger = new Ledger();
                Object[] published = new Object[1]; // the monitors escape: the JIT may not elide locking them
                try (Hub hub = Hub.open("own-monitors")) {
                    spawnWatcher(hub, ledger);
                    for (int i = 0; System.nanoTime() < deadline || i < 500; i++) {
                        Object monitor = new Object();
                        published[0] = monitor;
                        int shape = i % 4;
                        if (shape == 1) {
                            synchronized (monitor) {
                                monitor.wait(1); // inflated before the call
                            }
                        }
                        try {
                            synchronized (shape == 3 ? SHARED : published) {
                                synchronized (monitor) {
                                    synchronized (shape == 2 ? monitor : published) {
                                        ledger.add(1); // resumed at ENTER here, waits again for EXIT here
                                        if (!Thread.holdsLock(monitor)) {
                                            lockLost.incrementAndGet();
                                        }
                                    }
                                }
                            }
                        }
                        catch (RuntimeException ex) {
                            if (failed.incrementAndGet() <= 3) {
                                firstFailures.add(ex);
                            }
                        }
                        calls.incrementAndGet();
                        if (i % 50 == 0) {
                            Thread taker = Thread.ofPlatform().start(() -> {
                                synchronized (monitor) {
                                    published[0] = null;
                                }
                            });
                            taker.join(5000);
                            if (taker.isAlive()) {
                                notReleased.incrementAndGet();
                                break;
                            }
                        }
                    }
                }
                catch (Throwable ex) {
                    failed.incrementAndGet();
                    firstFailures.add(ex);
                }
                finally {
                    done.countDown();
                }
            };
            threads.add(virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body));
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every thread finished").isTrue();
        firstFailures.forEach(Throwable::printStackTrace);
        assertThat(failed.get()).as("calls that failed, of " + calls.get()).isZero();
        assertThat(lockLost.get()).as("calls after which the caller no longer held its monitor").isZero();
        assertThat(notReleased.get()).as("monitors another thread could not take after the block").isZero();
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
