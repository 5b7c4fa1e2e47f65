package io.groutines;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubTest {

    @Test
    void closeKillsEveryGroutineNewestFirstAndUnbindsTheHub() {
        List<String> log = new ArrayList<>();
        Hub hub = Hub.open("closing");
        for (String name : List.of("first", "second")) {
            hub.spawn(name, () -> {
                try {
                    Event.named("NEVER").await();
                }
                finally {
                    log.add(name + " finally");
                }
            });
        }
        assertThat(Hub.current()).contains(hub);
        hub.close();
        assertThat(log).containsExactly("second finally", "first finally");
        assertThat(hub.strands()).isEmpty();
        assertThat(hub.isOpen()).isFalse();
        assertThat(Hub.current()).isEmpty();
    }

    @Test
    void closingTwiceDoesNothingTheSecondTime() {
        Hub hub = Hub.open();
        hub.close();
        hub.close();
        assertThat(hub.isOpen()).isFalse();
    }

    @Test
    void aClosedHubRefusesNewGroutines() {
        Hub hub = Hub.open("closed");
        hub.close();
        assertThatThrownBy(() -> hub.spawn(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Hub 'closed' is closed");
    }

    @Test
    void groutinesOfOneHubNeverSeeCallsMadeOnAnotherThread() throws Exception {
        int threads = 8;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Object>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String mine = "request-" + t;
            results.add(pool.submit(() -> {
                Greeter greeter = new Greeter();
                List<Object> seen = Collections.synchronizedList(new ArrayList<>());
                try (Hub hub = Hub.open(mine)) {
                    hub.spawn(() -> {
                        while (true) {
                            seen.add(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).arg(0));
                        }
                    });
                    together.await();
                    for (int i = 0; i < 200; i++) {
                        greeter.greet(mine);
                    }
                }
                return seen;
            }));
        }
        for (int t = 0; t < threads; t++) {
            List<Object> seen = results.get(t).get();
            assertThat(seen).hasSize(200).containsOnly("request-" + t);
        }
        // pooled threads carry no hub into their next task
        for (int t = 0; t < threads; t++) {
            assertThat(pool.submit(() -> Hub.current().isPresent()).get()).isFalse();
        }
        pool.shutdown();
        assertThat(Interception.armed()).isFalse();
    }

    @Test
    void wovenCallsOfAMethodNobodyWaitsForProceedAtOnceWhileOthersAreAwaited() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open("names")) {
            hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT));
            assertThat(Interception.armed()).isTrue();
            assertThat(Interception.awaits("greet")).isTrue();
            assertThat(Interception.awaits("shout")).isFalse();
            assertThat(Interception.enter(Greeter.SHOUT, greeter, new Object[] { "a", 1 })).isNull();
            assertThat(greeter.shout("a", 2)).isEqualTo("AA");
            assertThat(hub.strands()).hasSize(1);
            assertThat(greeter.greet("b")).isEqualTo("hello b");
            assertThat(hub.strands()).isEmpty();
            assertThat(Interception.awaits("greet")).isFalse();
        }
        assertThat(Interception.armed()).isFalse();
    }

    @Test
    void aGroutineSpawnedWaitingRunsOnlyWhenItsCallComesAndNeverWhenKilledFirst() {
        Greeter greeter = new Greeter();
        List<String> log = new ArrayList<>();
        try (Hub hub = Hub.open("waiting")) {
            Strand first = hub.spawn("first", FunctionCall.of(Greeter.class, "greet"), Phase.ENTER, call -> {
                log.add("saw " + call.arg(0) + " on " + Strand.current().map(Strand::name).orElse("?"));
                call.setArg(0, "changed");
            });
            Strand never = hub.spawn("never", Event.named("NEVER"), data -> log.add("ran"));
            assertThat(log).isEmpty();
            assertThat(first.waitingFor()).contains("FunctionCall(io.groutines.Greeter.greet) ENTER");
            assertThat(never.waitingFor()).contains("Event(NEVER)");
            assertThat(greeter.greet("x")).isEqualTo("hello changed");
            assertThat(log).containsExactly("saw x on first");
            assertThat(first.isAlive()).isFalse();
            assertThat(never.isAlive()).isTrue();
            hub.spawn("event", Event.named("GO"), data -> log.add("event " + data[0]));
            Event.named("GO").fire(42);
            assertThat(log).containsExactly("saw x on first", "event 42");
            hub.close();
            assertThat(never.isAlive()).isFalse();
            assertThat(hub.strands()).isEmpty();
        }
        assertThat(log).containsExactly("saw x on first", "event 42");
    }

    @Test
    void nestedHubsBothSeeCallsAndClosingTheInnerRestoresTheOuter() {
        Greeter greeter = new Greeter();
        List<String> log = new ArrayList<>();
        try (Hub outer = Hub.open("outer")) {
            outer.spawn(() -> log.add("outer saw " + FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).arg(0)));
            try (Hub inner = Hub.open("inner")) {
                inner.spawn(() -> log.add("inner saw " + FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).arg(0)));
                assertThat(Hub.current()).contains(inner);
                greeter.greet("x");
            }
            assertThat(Hub.current()).contains(outer);
        }
        assertThat(log).containsExactly("outer saw x", "inner saw x");
        assertThat(Hub.current()).isEmpty();
    }

    @Test
    void aHubMayBeBoundToSeveralThreadsAtOnceButOnceToEach() throws Exception {
        try (Hub hub = Hub.open("busy")) {
            AtomicReference<Object> seen = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try (Binding binding = hub.bind()) {
                    seen.set(Hub.current().orElse(null));
                }
                catch (Throwable ex) {
                    seen.set(ex);
                }
            });
            other.join();
            assertThat(seen.get()).isSameAs(hub);
            assertThatThrownBy(hub::bind).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already");
            assertThat(Hub.current()).contains(hub);
        }
        assertThat(Hub.current()).isEmpty();
    }

    @Test
    void bindingMovesAHubBetweenThreads() throws Exception {
        Hub hub = Hub.create("async");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (Binding binding = hub.bind()) {
            hub.spawn(() -> log.add("dispatched on " + Event.named("ASYNC").await()[0]));
        }
        assertThat(Hub.current()).isEmpty();
        Thread worker = Thread.ofPlatform().name("worker").start(() -> {
            try (Binding binding = hub.bind()) {
                Event.named("ASYNC").fire(Thread.currentThread().getName());
            }
        });
        worker.join();
        hub.close();
        assertThat(log).containsExactly("dispatched on worker");
    }

    @Test
    void closeRethrowsWhatADyingGroutineThrowsAfterKillingTheRest() {
        Hub hub = Hub.open("failing");
        List<String> log = new ArrayList<>();
        hub.spawn("quiet", () -> {
            try {
                Event.named("NEVER").await();
            }
            finally {
                log.add("quiet finally");
            }
        });
        hub.spawn("loud", () -> {
            try {
                Event.named("NEVER").await();
            }
            finally {
                throw new IllegalStateException("finally failed");
            }
        });
        assertThatThrownBy(hub::close).hasMessage("finally failed");
        assertThat(log).containsExactly("quiet finally");
        assertThat(hub.isOpen()).isFalse();
        assertThat(Hub.current()).isEmpty();
    }

    @Test
    void aGroutineThatNeverFinishesIsKilledByClose() {
        Hub hub = Hub.open();
        Strand forever = hub.spawn(() -> {
            while (true) {
                Event.named("TICK").await();
            }
        });
        hub.close();
        assertThat(forever.isAlive()).isFalse();
    }
}
