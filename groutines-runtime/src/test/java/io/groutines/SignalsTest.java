package io.groutines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Holds and signals between threads that each have their own hub — the shape of two requests: a groutine of one
 * holds its call until a groutine of the other (or the test) sends a signal; nothing hangs, and the trace tells the
 * interleaving.
 */
class SignalsTest {

    private static final FunctionCall GREET = FunctionCall.of(Greeter.class, "greet");

    @Test
    void aHeldCallGoesOnOnlyOnceAnotherThreadsGroutineSendsItsSignal() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        try (Signals signals = Signals.open("two requests")) {
            CompletableFuture<String> a = onThreadWithHub("request-A", hub -> {
                hub.spawn("a", () -> {
                    Call call = GREET.await(Phase.ENTER);
                    order.add("A entered");
                    signals.hold(call, "B greeted");
                    order.add("A goes on");
                });
                return new Greeter().greet("a");
            });
            awaitHolding(signals, 1);
            assertThat(a).isNotDone();
            String b = onThreadWithHub("request-B", hub -> {
                hub.spawn("b", () -> {
                    GREET.await(Phase.EXIT);
                    order.add("B greeted");
                    signals.send("B greeted");
                });
                return new Greeter().greet("b");
            }).get(5, TimeUnit.SECONDS);
            assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("hello a");
            assertThat(b).isEqualTo("hello b");
            assertThat(order).containsExactly("A entered", "B greeted", "A goes on");
            String trace = signals.trace();
            assertThat(trace).contains("1 sent: B greeted", "none holding");
            assertThat(lines(trace)).hasSize(4);
            assertThat(lines(trace).get(1)).contains("'a' of request-A on request-A-thread: holds "
                    + "io.groutines.Greeter.greet ENTER until 'B greeted'");
            assertThat(lines(trace).get(2)).contains("'b' of request-B on request-B-thread: sends 'B greeted'");
            assertThat(lines(trace).get(3)).contains("'a' of request-A on request-A-thread: released by 'B greeted' "
                    + "after").contains("greet ENTER goes on");
        }
    }

    @Test
    void aSignalSentBeforeTheHoldLetsTheCallGoOnAtOnce() {
        try (Signals signals = Signals.open("sent first"); Hub hub = Hub.open("early")) {
            signals.send("ready");
            hub.spawn("holder", () -> signals.hold(GREET.await(Phase.ENTER), "ready"));
            long start = System.nanoTime();
            assertThat(new Greeter().greet("x")).isEqualTo("hello x");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(signals.trace()).contains("goes on through io.groutines.Greeter.greet ENTER: 'ready' was sent "
                    + "already");
            assertThat(signals.isSent("ready")).isTrue();
            assertThat(signals.send("ready")).isZero();
            assertThat(signals.trace()).contains("sends 'ready' again (sent already)");
        }
    }

    @Test
    void aHoldThatTimesOutFailsItsCallAndTheCloseWithTheInterleavingSoFar() throws Exception {
        Signals signals = Signals.open("never sent", Duration.ofMillis(300));
        try (CapturedLog log = CapturedLog.attach()) {
            signals.send("A read");
            CompletableFuture<String> held = onThreadWithHub("request-T", hub -> {
                hub.spawn("waits", () -> signals.hold(GREET.await(Phase.EXIT), "B read"));
                return new Greeter().greet("t");
            });
            assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Groutine 'waits' of request-T on request-T-thread held "
                            + "io.groutines.Greeter.greet EXIT until signal 'B read' of signals 'never sent', which was "
                            + "not sent within 300.000 ms")
                    .hasMessageContaining("The call fails. What happened so far:")
                    .hasMessageContaining("sends 'A read'")
                    .hasMessageContaining("holds io.groutines.Greeter.greet EXIT until 'B read'")
                    .hasMessageContaining("released without 'B read' after");
            assertThat(log.lines()).anyMatch(line -> line.startsWith("SEVERE Groutine 'waits' of request-T")
                    && line.contains("signal 'B read'"));
        }
        assertThatThrownBy(signals::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 hold(s) of signals 'never sent' did not end with their signal")
                .hasMessageContaining("'waits' of request-T on request-T-thread held io.groutines.Greeter.greet EXIT "
                        + "until 'B read': timed out")
                .hasMessageContaining("Signals 'never sent' (1 sent: A read; none holding)");
    }

    @Test
    void closingTheHubOfAHeldGroutineReleasesTheCallAndKillsTheGroutine() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<Hub> hubRef = new AtomicReference<>();
        try (Signals signals = Signals.open("hub closes")) {
            CompletableFuture<String> held = onThreadWithHub("request-C", hub -> {
                hubRef.set(hub);
                hub.spawn("holder", () -> {
                    try {
                        signals.hold(GREET.await(Phase.ENTER), "never");
                        events.add("went on");
                    }
                    finally {
                        events.add("finally");
                    }
                });
                String result = new Greeter().greet("c");
                events.add("call returned " + result);
                return result;
            });
            awaitHolding(signals, 1);
            Strand holder = hubRef.get().strands().get(0);
            assertThat(Signals.holdOf(holder)).hasValueSatisfying(hold -> {
                assertThat(hold.signals()).isEqualTo("hub closes");
                assertThat(hold.signal()).isEqualTo("never");
                assertThat(hold.call()).isEqualTo("io.groutines.Greeter.greet ENTER");
                assertThat(hold.thread()).isEqualTo("request-C-thread");
                assertThat(hold.monitors()).isEmpty();
            });
            hubRef.get().close();
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("hello c");
            assertThat(events).containsExactly("finally", "call returned hello c");
            assertThat(holder.isAlive()).isFalse();
            assertThat(Signals.holdOf(holder)).isEmpty();
            assertThat(signals.trace()).contains("released without 'never' after").contains("its hub closed");
        }
    }

    @Test
    void closingTheSignalsReleasesTheirHoldsAndFailsNamingThem() throws Exception {
        Signals signals = Signals.open("test ends");
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<String> held = onThreadWithHub("request-D", hub -> {
            hub.spawn("holder", () -> {
                try {
                    signals.hold(GREET.await(Phase.ENTER), "B read");
                }
                catch (GroutineExit exit) {
                    events.add(exit.getMessage());
                    throw exit;
                }
            });
            return new Greeter().greet("d");
        });
        awaitHolding(signals, 1);
        assertThatThrownBy(signals::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'holder' of request-D on request-D-thread still held io.groutines.Greeter.greet "
                        + "ENTER until 'B read', never sent");
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("hello d");
        assertThat(events).containsExactly("Groutine 'holder' was killed while it held io.groutines.Greeter.greet "
                + "ENTER until 'B read': signals 'test ends' closed");
        signals.close(); // twice: nothing
        assertThatThrownBy(() -> signals.send("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Signals 'test ends' are closed: 'late' cannot be sent");
    }

    @Test
    void signalsOfOneScopeNeverReleaseHoldsOfAnother() throws Exception {
        try (Signals mine = Signals.open("mine"); Signals theirs = Signals.open("theirs")) {
            CompletableFuture<String> held = onThreadWithHub("request-E", hub -> {
                hub.spawn("holder", () -> mine.hold(GREET.await(Phase.ENTER), "go"));
                return new Greeter().greet("e");
            });
            awaitHolding(mine, 1);
            assertThat(theirs.send("go")).isZero();
            Thread.sleep(100);
            assertThat(held).isNotDone();
            assertThat(mine.send("go")).isOne();
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("hello e");
        }
    }

    @Test
    void aHoldUnderASynchronizedLockIsReportedWithTheLockAndItsFrame() throws Exception {
        Object lock = new Object();
        try (CapturedLog log = CapturedLog.attach(); Signals signals = Signals.open("under a lock")) {
            CompletableFuture<String> held = onThreadWithHub("request-F", hub -> {
                hub.spawn("holder", () -> signals.hold(GREET.await(Phase.ENTER), "go"));
                synchronized (lock) {
                    return new Greeter().greet("f");
                }
            });
            awaitHolding(signals, 1);
            String id = "java.lang.Object@" + Integer.toHexString(System.identityHashCode(lock));
            assertThat(signals.trace()).contains("holds io.groutines.Greeter.greet ENTER until 'go', under " + id
                    + ", entered in io.groutines.SignalsTest.lambda$aHoldUnderASynchronizedLock");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // logged as the hold begins
            while (log.lines().stream().noneMatch(line -> line.startsWith("WARNING Groutine 'holder' of request-F")
                    && line.contains(id) && line.contains("a held thread keeps its locks"))) {
                assertThat(System.nanoTime()).as("the WARNING, in %s", log.lines()).isLessThan(deadline);
                Thread.sleep(5);
            }
            signals.send("go");
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("hello f");
        }
    }

    @Test
    void signalsKeptOpenForLongKeepTheLatestStepsOfTheirTrace() {
        try (Signals signals = Signals.open("long-lived")) {
            for (int i = 1; i <= 10_005; i++) {
                signals.send("s" + i);
            }
            List<String> lines = lines(signals.trace());
            assertThat(lines).hasSize(2 + 10_000);
            assertThat(lines.get(1)).isEqualTo("  (5 earlier steps are not kept)");
            assertThat(lines.get(2)).startsWith("  6  ").endsWith("sends 's6'");
            assertThat(lines.get(lines.size() - 1)).startsWith("10005  ").endsWith("sends 's10005'");
        }
    }

    @Test
    void aHoldOutsideAGroutineIsRefused() {
        try (Signals signals = Signals.open("no groutine"); Hub hub = Hub.open("outside")) {
            AtomicReference<Call> call = new AtomicReference<>();
            hub.spawn(() -> call.set(GREET.await(Phase.ENTER)));
            new Greeter().greet("g");
            assertThatThrownBy(() -> signals.hold(call.get(), "x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Signals.hold(call, \"x\") was called outside a groutine");
        }
    }

    @Test
    void holdsOnVirtualThreadsParkTheVirtualThreadNotItsCarrier() throws Exception {
        // more held virtual threads than carriers: a hold that pinned its carrier would starve the senders
        int pairs = 4 * Math.max(2, Runtime.getRuntime().availableProcessors());
        try (Signals signals = Signals.open("virtual");
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> held = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                String name = "v" + i;
                held.add(threads.submit(() -> {
                    try (Hub hub = Hub.open("request-" + name)) {
                        hub.spawn("holder", () -> signals.hold(GREET.await(Phase.ENTER), name));
                        return new Greeter().greet(name) + " on " + (Thread.currentThread().isVirtual() ? "virtual" : "?");
                    }
                }));
            }
            awaitHolding(signals, pairs);
            if (LockCheck.inForce().mode() == LockCheck.Mode.PUBLIC_API) {
                assertThat(signals.trace()).contains("(its locks cannot be read here)"); // ThreadMXBean is blind to them
            }
            else {
                assertThat(signals.trace()).doesNotContain("cannot be read").doesNotContain(", under ");
            }
            List<Future<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                String name = "v" + i;
                senders.add(threads.submit(() -> {
                    try (Hub hub = Hub.open("sender-" + name)) {
                        return signals.send(name);
                    }
                }));
            }
            for (int i = 0; i < pairs; i++) {
                assertThat(senders.get(i).get(5, TimeUnit.SECONDS)).isOne();
                assertThat(held.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("hello v" + i + " on virtual");
            }
        }
    }

    @Test
    void aSendRacingAHoldReleasesItExactlyOnceEveryRound() throws Exception {
        int rounds = Integer.getInteger("groutines.test.rounds", 10_000);
        int perSignals = 1_000;
        AtomicInteger reached = new AtomicInteger(-1);
        AtomicInteger released = new AtomicInteger();
        List<Signals> all = new ArrayList<>();
        for (int i = 0; i < rounds / perSignals; i++) {
            all.add(Signals.open("rounds from " + i * perSignals, Duration.ofSeconds(10)));
        }
        CompletableFuture<Integer> holder = onThreadWithHub("holder", hub -> {
            Greeter greeter = new Greeter();
            for (int round = 0; round < rounds; round++) {
                Signals signals = all.get(round / perSignals);
                String signal = "go " + round;
                hub.spawn("holder", () -> signals.hold(GREET.await(Phase.ENTER), signal));
                reached.set(round);
                greeter.greet("r");
            }
            return rounds;
        });
        Thread sender = Thread.ofPlatform().name("sender").start(() -> {
            for (int round = 0; round < rounds; round++) {
                while (reached.get() < round) {
                    Thread.yield(); // send as the holder's call starts to hold: the race itself
                }
                released.addAndGet(all.get(round / perSignals).send("go " + round));
            }
        });
        assertThat(holder.get(10, TimeUnit.MINUTES)).isEqualTo(rounds);
        sender.join(TimeUnit.SECONDS.toMillis(10));
        int passed = 0;
        for (Signals signals : all) {
            String trace = signals.trace();
            assertThat(trace).doesNotContain("released without").contains("(" + perSignals + " sent: ");
            passed += trace.split("was sent already", -1).length - 1;
            signals.close();
        }
        System.out.println("[signals] " + rounds + " rounds: " + released.get() + " released, " + passed + " passed");
        assertThat(released.get() + passed).as("holds released by their signal, or passed as it was sent already")
                .isEqualTo(rounds);
        assertThat(released.get()).as("holds that waited for their signal").isPositive();
    }

    @Test
    void aHubClosingAsItsGroutineStartsToHoldNeverLeavesTheCallHeld() throws Exception {
        int rounds = 2_000;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Signals signals = Signals.open("close races hold", Duration.ofSeconds(10))) {
            for (int round = 0; round < rounds; round++) {
                Hub hub = Hub.create("request-" + round);
                CountDownLatch spawned = new CountDownLatch(1);
                Future<String> held = threads.submit(() -> {
                    try (Binding bound = hub.bind()) {
                        hub.spawn("holder", () -> signals.hold(GREET.await(Phase.ENTER), "never"));
                        spawned.countDown();
                        return new Greeter().greet("r");
                    }
                });
                spawned.await();
                threads.submit(hub::close).get(10, TimeUnit.SECONDS);
                assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("hello r");
            }
            assertThat(signals.trace()).doesNotContain("timed out");
        }
        assertThat(Hub.statistics().openHubs()).isZero();
    }

    /** Runs work on a new platform thread named {@code <name>-thread} with a hub of that name bound to it. */
    private static <T> CompletableFuture<T> onThreadWithHub(String name, HubWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().name(name + "-thread").start(() -> {
            try (Hub hub = Hub.open(name)) {
                result.complete(work.run(hub));
            }
            catch (Throwable ex) {
                result.completeExceptionally(ex);
            }
        });
        return result;
    }

    private static void awaitHolding(Signals signals, int holds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (signals.holds().size() != holds) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + holds + " holding: " + signals.trace());
            }
            Thread.sleep(5);
        }
    }

    private static List<String> lines(String trace) {
        return List.of(trace.split("\n"));
    }

    @FunctionalInterface
    private interface HubWork<T> {
        T run(Hub hub) throws Exception;
    }

    /** The runtime's log records while attached, as "LEVEL message". */
    private static final class CapturedLog extends Handler implements AutoCloseable {

        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        private final Logger logger = Logger.getLogger("io.groutines");

        static CapturedLog attach() {
            CapturedLog log = new CapturedLog();
            log.logger.addHandler(log);
            return log;
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
