package io.groutines;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub closed on one thread while its groutines run on another and wait again there: whichever side wins, every
 * groutine ends, its {@code finally} runs, and the counters come back. The race is narrow — it needs the worker to
 * be preempted between publishing a wait and checking for the kill — so it runs many rounds, on more threads than
 * the machine has cores.
 */
class CloseRaceTest {

    private static final int ROUNDS = 100_000;

    private static final int PAIRS = 8;

    private static final int GROUTINES = 3;

    /** What the groutines wait for, again and again: the worker makes it happen. */
    enum Wait {
        EVENT {
            @Override
            void await() {
                Event.named("AGAIN").await();
            }

            @Override
            void happen() {
                Event.named("AGAIN").fire();
            }
        },
        CALL {
            @Override
            void await() {
                FunctionCall.of(Greeter.class, "twice").await(Phase.ENTER);
            }

            @Override
            void happen() {
                Greeter.twice(1);
            }
        };

        abstract void await();

        abstract void happen();
    }

    @ParameterizedTest
    @EnumSource(Wait.class)
    void aCloseRacingAWorkerThatResumesTheGroutinesNeverLeavesOneSuspended(Wait wait) throws Exception {
        race(wait, ROUNDS, false);
    }

    /** Groutines that catch every kill and wait again are abandoned, not resumed: they end all the same. */
    @ParameterizedTest
    @EnumSource(Wait.class)
    void aCloseRacingAWorkerEndsEvenGroutinesThatSwallowEveryKill(Wait wait) throws Exception {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.groutines");
        java.util.logging.Level level = log.getLevel();
        log.setLevel(java.util.logging.Level.OFF); // one ERROR per abandoned groutine, on purpose
        try {
            race(wait, ROUNDS / 10, true);
        }
        finally {
            log.setLevel(level);
        }
    }

    private static void race(Wait wait, int total, boolean swallowing) throws Exception {
        long liveBefore = Hub.statistics().liveGroutines();
        long openBefore = Hub.statistics().openHubs();
        ConcurrentLinkedQueue<String> stranded = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger finallies = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        List<Thread> closers = new ArrayList<>();
        for (int p = 0; p < PAIRS; p++) {
            closers.add(Thread.ofPlatform().name("race-closer-" + p).start(() -> {
                try {
                    closeRacingAWorker(wait, swallowing, total / PAIRS, stranded, finallies, rounds);
                }
                catch (Throwable ex) {
                    failures.add(ex);
                }
            }));
        }
        for (Thread closer : closers) {
            closer.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " pair(s) failed", failures.peek());
            failures.forEach(error::addSuppressed);
            throw error;
        }
        assertThat(rounds.get()).isEqualTo(total / PAIRS * PAIRS);
        assertThat(stranded).as("groutines left suspended after their hub closed").isEmpty();
        if (!swallowing) {
            assertThat(finallies.get()).as("every groutine's finally ran").isEqualTo(rounds.get() * GROUTINES);
        }
        assertThat(Hub.statistics().liveGroutines()).isEqualTo(liveBefore);
        assertThat(Hub.statistics().openHubs()).isEqualTo(openBefore);
    }

    /** One closer and one worker thread, round after round on a new hub. */
    private static void closeRacingAWorker(Wait wait, boolean swallowing, int count, ConcurrentLinkedQueue<String> stranded, AtomicInteger finallies,
            AtomicInteger rounds) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CyclicBarrier done = new CyclicBarrier(2);
        AtomicReference<Hub> round = new AtomicReference<>();
        AtomicReference<Throwable> workerFailure = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().name(Thread.currentThread().getName().replace("closer", "worker")).start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    start.await();
                    Hub hub = round.get();
                    try (Binding binding = hub.bind()) {
                        while (hub.isOpen()) {
                            wait.happen();
                        }
                    }
                    catch (IllegalStateException closedAlready) {
                        // the closer won before this thread could bind the hub: nothing to resume
                    }
                    done.await();
                }
            }
            catch (Throwable ex) {
                workerFailure.set(ex);
                start.reset();
                done.reset();
            }
        });
        try {
            for (int i = 0; i < count; i++) {
                Hub hub = Hub.create(Thread.currentThread().getName() + "-" + i);
                List<Strand> strands = new ArrayList<>(GROUTINES);
                try (Binding binding = hub.bind()) {
                    for (int g = 0; g < GROUTINES; g++) {
                        strands.add(hub.spawn("again-" + g, () -> {
                            try {
                                while (true) {
                                    try {
                                        wait.await();
                                    }
                                    catch (Throwable swallowed) {
                                        if (!swallowing) {
                                            throw swallowed;
                                        }
                                    }
                                }
                            }
                            finally {
                                finallies.incrementAndGet();
                            }
                        }));
                    }
                }
                round.set(hub);
                try {
                    start.await();
                    for (int spin = ThreadLocalRandom.current().nextInt(256); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    hub.close();
                    done.await();
                }
                catch (BrokenBarrierException workerFailed) {
                    hub.close();
                    break;
                }
                rounds.incrementAndGet();
                for (Strand strand : strands) {
                    if (strand.isAlive()) {
                        stranded.add(strand + " of " + hub.name());
                    }
                }
            }
        }
        finally {
            worker.join();
        }
        if (workerFailure.get() != null) {
            throw new AssertionError("the worker failed", workerFailure.get());
        }
    }
}
