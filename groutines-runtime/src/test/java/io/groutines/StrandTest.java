package io.groutines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrandTest {

    private static final ThreadLocal<String> REQUEST = new ThreadLocal<>();

    private final Hub hub = Hub.open("strand-test");

    @AfterEach
    void close() {
        hub.close();
        REQUEST.remove();
    }

    @Test
    void spawnRunsTheBodyAtOnceUpToItsFirstSuspension() {
        List<String> steps = new ArrayList<>();
        Strand strand = hub.spawn("steps", () -> {
            steps.add("started");
            Event.named("GO").await();
            steps.add("resumed");
        });
        assertThat(steps).containsExactly("started");
        assertThat(strand.isAlive()).isTrue();
        assertThat(strand.waitingFor()).contains("Event(GO)");
        Event.named("GO").fire();
        assertThat(steps).containsExactly("started", "resumed");
        assertThat(strand.isAlive()).isFalse();
        assertThat(hub.strands()).isEmpty();
    }

    @Test
    void aGroutineRunsOnTheThreadThatResumesItAndSeesItsThreadLocals() throws Exception {
        AtomicReference<Thread> seenThread = new AtomicReference<>();
        AtomicReference<String> seenLocal = new AtomicReference<>();
        hub.spawn(() -> {
            Event.named("GO").await();
            seenThread.set(Thread.currentThread());
            seenLocal.set(REQUEST.get());
        });
        REQUEST.set("request-1");
        Event.named("GO").fire();
        assertThat(seenThread.get()).isSameAs(Thread.currentThread());
        assertThat(seenLocal.get()).isEqualTo("request-1");
    }

    @Test
    void aGroutineResumedOnAnotherThreadSeesThatThread() throws Exception {
        AtomicReference<Thread> seen = new AtomicReference<>();
        Hub other = Hub.create("moving");
        try (Binding binding = other.bind()) {
            other.spawn(() -> {
                Event.named("GO").await();
                seen.set(Thread.currentThread());
            });
        }
        Thread thread = Thread.ofPlatform().start(() -> {
            try (Binding binding = other.bind()) {
                Event.named("GO").fire();
            }
        });
        thread.join();
        assertThat(seen.get()).isSameAs(thread);
        other.close();
    }

    @Test
    void switchToExchangesDataWithTheParentBothWays() {
        Strand echo = hub.spawn("echo", () -> {
            Object[] in = Strand.switchToParent("ready");
            while (true) {
                in = Strand.switchToParent("echo:" + in[0]);
            }
        });
        assertThat(echo.switchTo("a")).containsExactly("echo:a");
        assertThat(echo.switchTo("b")).containsExactly("echo:b");
        echo.kill();
        assertThat(echo.isAlive()).isFalse();
    }

    @Test
    void switchToOnAGroutineThatWaitsForSomethingElseIsRefused() {
        Strand strand = hub.spawn("waiter", () -> Event.named("X").await());
        assertThatThrownBy(() -> strand.switchTo("data"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waiting for Event(X)");
    }

    @Test
    void resumingAnEndedGroutineIsAClearError() {
        Strand done = hub.spawn("done", () -> { });
        assertThat(done.isAlive()).isFalse();
        assertThatThrownBy(() -> done.switchTo()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'done' has ended");
    }

    @Test
    void killThrowsGroutineExitAtTheSuspensionPointSoFinallyBlocksRun() {
        List<String> log = new ArrayList<>();
        Strand strand = hub.spawn("victim", () -> {
            try {
                Event.named("NEVER").await();
                log.add("not reached");
            }
            catch (Exception ex) {
                log.add("an Exception handler must not catch the kill");
            }
            finally {
                log.add("finally");
            }
        });
        strand.kill();
        assertThat(log).containsExactly("finally");
        assertThat(strand.isAlive()).isFalse();
        assertThat(Event.named("NEVER").fire()).isZero();
    }

    @Test
    void killingAnEndedGroutineDoesNothing() {
        Strand strand = hub.spawn(() -> { });
        strand.kill();
        strand.kill();
        assertThat(strand.isAlive()).isFalse();
    }

    @Test
    void aGroutineThatSwallowsTheKillCannotWaitAgain() {
        List<String> log = new ArrayList<>();
        Strand stubborn = hub.spawn("stubborn", () -> {
            try {
                Event.named("A").await();
            }
            catch (GroutineExit exit) {
                log.add("caught " + exit.getMessage());
            }
            try {
                Event.named("B").await();
            }
            catch (GroutineExit exit) {
                log.add("killed again at once");
                throw exit;
            }
        });
        stubborn.kill();
        assertThat(log).containsExactly("caught Groutine 'stubborn' was killed", "killed again at once");
        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void aGroutineThatKeepsWaitingAfterItsKillIsAbandonedAndReported() {
        List<String> log = new ArrayList<>();
        List<java.util.logging.LogRecord> reported = new ArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.groutines");
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                reported.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            Strand stubborn = hub.spawn("stubborn-forever", () -> {
                while (true) {
                    try {
                        Event.named("NEVER").await();
                    }
                    catch (Throwable swallowed) {
                        log.add("swallowed " + swallowed.getClass().getSimpleName());
                    }
                }
            });
            stubborn.kill();
            assertThat(stubborn.isAlive()).isFalse();
            assertThat(hub.strands()).isEmpty();
            assertThat(log).hasSize(Kill.SURVIVALS + 1).containsOnly("swallowed GroutineExit");
            assertThat(Event.named("NEVER").fire()).as("it waits for nothing any more").isZero();
        }
        finally {
            logger.removeHandler(handler);
        }
        assertThat(reported).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
            String message = java.text.MessageFormat.format(r.getMessage(), r.getParameters());
            assertThat(message).contains("'stubborn-forever'").contains("Event(NEVER)").contains("StrandTest")
                    .contains("abandoned");
        });
    }

    @Test
    void closingAHubEndsEvenAGroutineThatSwallowsEveryKill() {
        Hub other = Hub.open("swallowing");
        Strand stubborn = other.spawn(() -> {
            while (true) {
                try {
                    Event.named("NEVER").await();
                }
                catch (Throwable swallowed) {
                    // wrong, and survived only a bounded number of times
                }
            }
        });
        other.close();
        assertThat(stubborn.isAlive()).isFalse();
        assertThat(Hub.statistics().liveGroutines()).isEqualTo(hub.strands().size());
    }

    @Test
    void aGroutineCanKillItself() {
        List<String> log = new ArrayList<>();
        Strand strand = hub.spawn("self", () -> {
            try {
                Strand.current().orElseThrow().kill();
                log.add("not reached");
            }
            finally {
                log.add("finally");
            }
        });
        assertThat(log).containsExactly("finally");
        assertThat(strand.isAlive()).isFalse();
    }

    @Test
    void anExceptionEscapingAGroutineReachesTheCodeThatResumedIt() {
        hub.spawn("thrower", () -> {
            Event.named("GO").await();
            throw new IllegalArgumentException("from the groutine");
        });
        assertThatThrownBy(() -> Event.named("GO").fire()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from the groutine");
        assertThat(hub.strands()).isEmpty();
    }

    @Test
    void aCheckedExceptionEscapingAGroutineAtSpawnReachesTheSpawnerUnwrapped() {
        assertThatThrownBy(() -> hub.spawn("checked", () -> {
            throw Greeter.<RuntimeException>sneakyThrow(new IOException("disk"));
        })).isInstanceOf(IOException.class).hasMessage("disk");
    }

    @Test
    void anExceptionCrossesIntoTheGroutineThroughKill() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Strand strand = hub.spawn(() -> {
            try {
                Event.named("X").await();
            }
            catch (GroutineExit exit) {
                seen.set(exit);
                throw exit;
            }
        });
        strand.kill();
        assertThat(seen.get()).isInstanceOf(GroutineExit.class).hasMessageContaining("was killed");
    }

    @Test
    void awaitOutsideAGroutineIsAClearError() {
        assertThatThrownBy(() -> Event.named("X").await()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a groutine").hasMessageContaining("Hub.spawn");
        assertThatThrownBy(() -> Strand.switchToParent()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a groutine");
    }

    @Test
    void aGroutineResumedInsideTheCallersMonitorMayWaitAgainAndTheCallerKeepsItsLock() throws Exception {
        Object lock = new Object();
        List<String> log = new ArrayList<>();
        Strand strand = hub.spawn("under-lock", () -> {
            Event.named("LOCKED").await();
            log.add("resumed");
            Event.named("AGAIN").await();
            log.add("resumed again");
        });
        CountDownLatch otherGotLock = new CountDownLatch(1);
        Thread other;
        synchronized (lock) {
            Event.named("LOCKED").fire();
            assertThat(Thread.holdsLock(lock)).as("the caller keeps its lock").isTrue();
            other = Thread.ofPlatform().start(() -> {
                synchronized (lock) {
                    otherGotLock.countDown();
                }
            });
            assertThat(otherGotLock.await(200, TimeUnit.MILLISECONDS)).as("the lock still excludes other threads").isFalse();
            assertThat(strand.waitingFor()).contains("Event(AGAIN)");
        }
        assertThat(otherGotLock.await(5, TimeUnit.SECONDS)).as("released when the caller leaves its block").isTrue();
        other.join();
        Event.named("AGAIN").fire();
        assertThat(log).containsExactly("resumed", "resumed again");
        assertThat(strand.isAlive()).isFalse();
    }

    @Test
    void aGroutineSpawnedInsideAMonitorMayWaitAndTheSpawnerKeepsItsLock() throws Exception {
        Object lock = new Object();
        CountDownLatch otherGotLock = new CountDownLatch(1);
        Strand strand;
        synchronized (lock) {
            strand = hub.spawn("locked", () -> Event.named("X").await());
            assertThat(Thread.holdsLock(lock)).isTrue();
            Thread.ofPlatform().start(() -> {
                synchronized (lock) {
                    otherGotLock.countDown();
                }
            });
            assertThat(otherGotLock.await(200, TimeUnit.MILLISECONDS)).isFalse();
        }
        assertThat(otherGotLock.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Event.named("X").fire()).isEqualTo(1);
        assertThat(strand.isAlive()).isFalse();
    }

    @Test
    void aGroutineMayNotWaitInsideItsOwnSynchronizedBlock() throws Exception {
        Object own = new Object();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        hub.spawn("own-lock", () -> {
            synchronized (own) {
                try {
                    Event.named("X").await();
                }
                catch (IllegalStateException ex) {
                    refused.set(ex);
                }
            }
        });
        assertThat(refused.get()).hasMessageContaining("'own-lock' cannot wait for Event(X)")
                .hasMessageContaining("inside a synchronized block of its own").hasMessageContaining("java.lang.Object@")
                .hasMessageContaining("StrandTest");
        assertThat(Event.named("X").fire()).isZero();
        Thread other = Thread.ofPlatform().start(() -> {
            synchronized (own) {
                refused.set(null);
            }
        });
        other.join(5000);
        assertThat(refused.get()).as("the groutine's own lock was released").isNull();
    }

    @Test
    void aGroutineThatCatchesTheRefusalOfItsWaitAndWaitsAgainIsKilledAndReported() throws Exception {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        List<java.util.logging.LogRecord> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = capture(reported);
        AtomicReference<java.time.Duration> runningAfterRefusals = new AtomicReference<>();
        Object own = new Object();
        Thread thread = Thread.ofPlatform().start(() -> {
            try (Hub refusing = Hub.open("refusals")) {
                Strand stubborn = refusing.spawn("stubborn-under-its-lock", () -> {
                    long start = System.nanoTime();
                    try {
                        synchronized (own) {
                            while (true) {
                                try {
                                    Event.named("NEVER").await();
                                }
                                catch (Exception refused) { // wrong: it waits again where it may not
                                    log.add("refused");
                                    runningAfterRefusals.set(Strand.current().orElseThrow().runningFor().orElseThrow());
                                    if (System.nanoTime() - start > 5_000_000_000L) {
                                        log.add("still spinning after 5 s");
                                        return;
                                    }
                                }
                            }
                        }
                    }
                    finally {
                        log.add("finally");
                    }
                });
                log.add("alive after spawn: " + stubborn.isAlive());
            }
        });
        thread.join(10_000);
        java.util.logging.Logger.getLogger("io.groutines").removeHandler(handler);
        assertThat(thread.isAlive()).as("the groutine's thread came back").isFalse();
        assertThat(log).containsExactly("refused", "refused", "refused", "finally", "alive after spawn: false");
        assertThat(runningAfterRefusals.get()).as("its running clock counts from the hand-off").isPositive();
        assertThat(reported).anySatisfy(r -> assertThat(java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                .contains("'stubborn-under-its-lock'").contains("waited again").contains("synchronized block of its own"));
    }

    /**
     * A groutine that waits holding a monitor of its own that is already inflated (it called {@code wait()} on it):
     * its wait is refused when it is made (snapshot and public checks see the monitor), or, with the fast count,
     * a resumption on another thread is refused — that thread could never release the monitor — and it is resumed
     * where it took the monitor. Either way the monitor is released, by the thread that took it.
     */
    @Test
    void aGroutineHoldingAnInflatedMonitorOfItsOwnIsNeverResumedOnAnotherThread() throws Exception {
        Object own = new Object();
        AtomicReference<Throwable> refusedAtWait = new AtomicReference<>();
        AtomicReference<Thread> resumedOn = new AtomicReference<>();
        List<java.util.logging.LogRecord> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = capture(reported);
        try {
            Strand strand = hub.spawn("own-inflated", () -> {
                synchronized (own) {
                    try {
                        own.wait(1); // inflated: owned by this thread, out of its lock stack
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        Event.named("X").await();
                    }
                    catch (IllegalStateException refused) {
                        refusedAtWait.set(refused);
                        return;
                    }
                    resumedOn.set(Thread.currentThread());
                }
            });
            if (refusedAtWait.get() != null) {
                assertThat(refusedAtWait.get()).hasMessageContaining("synchronized block of its own");
            }
            else {
                Thread other = Thread.ofPlatform().start(() -> {
                    try (Binding binding = hub.bind()) {
                        Event.named("X").fire();
                    }
                });
                other.join(5000);
                assertThat(other.isAlive()).isFalse();
                assertThat(strand.waitingFor()).as("still waiting: not resumed on the other thread").contains("Event(X)");
                assertThat(reported).anySatisfy(r -> assertThat(java.text.MessageFormat.format(r.getMessage(),
                        r.getParameters())).contains("'own-inflated'").contains("cannot be resumed on thread"));
                Event.named("X").fire();
                assertThat(resumedOn.get()).isSameAs(Thread.currentThread());
            }
            assertThat(strand.isAlive()).isFalse();
        }
        finally {
            java.util.logging.Logger.getLogger("io.groutines").removeHandler(handler);
        }
        Thread taker = Thread.ofPlatform().start(() -> {
            synchronized (own) {
                own.notifyAll();
            }
        });
        taker.join(5000);
        assertThat(taker.isAlive()).as("the monitor was released").isFalse();
    }

    private static java.util.logging.Handler capture(List<java.util.logging.LogRecord> into) {
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("io.groutines").addHandler(handler);
        return handler;
    }

    @Test
    void aGroutineResumedByAnotherWhileBothAreUnderLocksKeepsEveryLockWhereItWas() throws Exception {
        Object outer = new Object();
        List<String> log = new ArrayList<>();
        hub.spawn("inner", () -> {
            Event.named("NESTED").await();
            log.add("inner resumed");
            Event.named("LATER").await();
            log.add("inner done");
        });
        hub.spawn("outer", () -> {
            Event.named("START").await();
            Event.named("NESTED").fire();
            log.add("outer done");
        });
        synchronized (outer) {
            Event.named("START").fire();
            assertThat(Thread.holdsLock(outer)).isTrue();
        }
        Event.named("LATER").fire();
        assertThat(log).containsExactly("inner resumed", "outer done", "inner done");
    }

    @Test
    void aGroutineMayRunCodeThatLocksBetweenItsSuspensions() {
        Object lock = new Object();
        List<Boolean> held = new ArrayList<>();
        hub.spawn(() -> {
            while (true) {
                Event.named("TICK").await();
                synchronized (lock) {
                    held.add(Thread.holdsLock(lock));
                }
            }
        });
        Event.named("TICK").fire();
        Event.named("TICK").fire();
        assertThat(held).containsExactly(true, true);
    }

    @Test
    void suspendingInsideAStaticInitializerIsAClearError() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        hub.spawn("initializer", () -> {
            try {
                SuspendsInInitializer.touch();
            }
            catch (Throwable ex) {
                error.set(ex);
            }
        });
        Throwable cause = error.get() instanceof ExceptionInInitializerError e ? e.getCause() : error.get();
        assertThat(cause).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot suspend here").hasMessageContaining("static initializer")
                .hasMessageContaining("Pinned: NATIVE");
        assertThat(hub.strands()).isEmpty();
        assertThat(Event.named("IN-CLINIT").fire()).isZero();
    }

    static final class SuspendsInInitializer {

        static {
            Event.named("IN-CLINIT").await();
        }

        static void touch() {
        }
    }
}
