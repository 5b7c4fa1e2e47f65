package io.groutines.benchmarks;

import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Strand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The runtime's costs, each beside its baseline in the same run:
 * <ul>
 * <li>{@code baseline} — the callable's body, unwrapped;</li>
 * <li>{@code dormant} — the same body behind the entry points, nobody listening anywhere;</li>
 * <li>{@code dormantArmedElsewhere} — nobody listening on this thread, but a hub on another thread waits for a
 * call, so the check goes as far as this thread's hub;</li>
 * <li>{@code enterExitDispatch} — one groutine waits for the call at ENTER and then at EXIT: two switches in, two
 * out, per call;</li>
 * <li>{@code eventFire} — {@code Event.fire} to one waiting groutine;</li>
 * <li>{@code spawnAndKill} — a groutine spawned to its first {@code await}, then killed.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
/* hand-woven: no agent, so that nothing else weaves or checks HandWoven; continuations exported by hand */
@Fork(value = 2, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class DispatchBenchmark {

    @State(Scope.Thread)
    public static class Dormant {

        final HandWoven callable = new HandWoven();

        int value = 1;
    }

    @State(Scope.Thread)
    public static class ArmedElsewhere {

        final HandWoven callable = new HandWoven();

        private Thread other;

        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        @Setup(Level.Trial)
        public void arm() throws InterruptedException {
            java.util.concurrent.CountDownLatch armed = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            other = Thread.ofPlatform().start(() -> {
                try (Hub hub = Hub.open("elsewhere")) {
                    hub.spawn(() -> FunctionCall.of(HandWoven.class, "add").await(Phase.ENTER));
                    armed.countDown();
                    done.await();
                }
                catch (Throwable ex) {
                    failure.set(ex);
                    armed.countDown();
                }
            });
            armed.await();
            if (failure.get() != null) {
                throw new IllegalStateException("could not arm the other thread", failure.get());
            }
        }

        @TearDown(Level.Trial)
        public void disarm() throws InterruptedException {
            done.countDown();
            other.join();
        }
    }

    @State(Scope.Thread)
    public static class Listening {

        final HandWoven callable = new HandWoven();

        Hub hub;

        @Setup(Level.Trial)
        public void spawn() {
            hub = Hub.open("listening");
            FunctionCall add = FunctionCall.of(HandWoven.class, "add");
            hub.spawn(() -> {
                while (true) {
                    add.await(Phase.ENTER);
                    add.await(Phase.EXIT);
                }
            });
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    @State(Scope.Thread)
    public static class Firing {

        final Event tick = Event.named("TICK");

        Hub hub;

        @Setup(Level.Trial)
        public void spawn() {
            hub = Hub.open("firing");
            hub.spawn(() -> {
                while (true) {
                    tick.await();
                }
            });
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    @State(Scope.Thread)
    public static class Spawning {

        final Event never = Event.named("NEVER");

        final Runnable body = never::await;

        Hub hub;

        @Setup(Level.Trial)
        public void open() {
            hub = Hub.open("spawning");
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    @Benchmark
    public int baseline(Dormant state) {
        return state.callable.plain(state.value);
    }

    @Benchmark
    public int dormant(Dormant state) {
        return state.callable.add(state.value);
    }

    @Benchmark
    public int dormantArmedElsewhere(ArmedElsewhere state) {
        return state.callable.add(1);
    }

    @Benchmark
    public int enterExitDispatch(Listening state) {
        return state.callable.add(1);
    }

    @Benchmark
    public int eventFire(Firing state) {
        return state.tick.fire(1);
    }

    @Benchmark
    public boolean spawnAndKill(Spawning state) {
        Strand strand = state.hub.spawn("short-lived", state.body);
        strand.kill();
        return strand.isAlive();
    }
}
