package io.groutines.benchmarks;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What one request costs as it grows: each invocation is a request — open a hub, spawn its groutines, run a
 * request-like workload of hand-woven calls ({@link HandWoven#add}), close the hub (which kills what still waits).
 * <ul>
 * <li>{@code idleGroutines} — {@code groutines} live groutines (0, 1, 4, 16, 64), each waiting for {@code add} on
 * <em>another</em> instance (as the demo's {@code fill_user} waits for one controller's hook): the 10 calls of the
 * request are armed, looked up and find nobody, and the groutines are killed at close. 0 is the baseline: a hub
 * with no groutine, the calls dormant.</li>
 * <li>{@code listeningGroutines} — {@code groutines} live groutines that each handle every one of the 10 calls at
 * ENTER: a call resumes each of them once.</li>
 * <li>{@code plainCalls}, {@code dormantCalls}, {@code listenedCalls} — {@code calls} calls per request (1, 10,
 * 100): the unwrapped body with no hub (the baseline), the hand-woven calls in a hub with no groutine, and with one
 * groutine that handles each call at ENTER and at EXIT.</li>
 * </ul>
 * Hand-woven, so no agent: the continuations are exported by hand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class ScalingBenchmark {

    /** Calls per request in the groutine-count benchmarks. */
    static final int REQUEST_CALLS = 10;

    @State(Scope.Thread)
    public static class Groutines {

        @Param({ "0", "1", "4", "16", "64" })
        int groutines;

        final HandWoven callable = new HandWoven();

        final FunctionCall elsewhere = FunctionCall.of(new HandWoven(), "add");

        final FunctionCall add = FunctionCall.of(HandWoven.class, "add");

        final Runnable idle = () -> elsewhere.await(Phase.ENTER);

        final Runnable listening = () -> {
            while (true) {
                add.await(Phase.ENTER);
            }
        };
    }

    @State(Scope.Thread)
    public static class Calls {

        @Param({ "1", "10", "100" })
        int calls;

        final HandWoven callable = new HandWoven();

        final FunctionCall add = FunctionCall.of(HandWoven.class, "add");

        final Runnable enterAndExit = () -> {
            while (true) {
                add.await(Phase.ENTER);
                add.await(Phase.EXIT);
            }
        };
    }

    private static int request(Hub hub, HandWoven callable, int calls) {
        int total = 0;
        for (int i = 0; i < calls; i++) {
            total += callable.add(1);
        }
        return total;
    }

    @Benchmark
    public int idleGroutines(Groutines state) {
        try (Hub hub = Hub.open("request")) {
            for (int i = 0; i < state.groutines; i++) {
                hub.spawn(state.idle);
            }
            return request(hub, state.callable, REQUEST_CALLS);
        }
    }

    @Benchmark
    public int listeningGroutines(Groutines state) {
        try (Hub hub = Hub.open("request")) {
            for (int i = 0; i < state.groutines; i++) {
                hub.spawn(state.listening);
            }
            return request(hub, state.callable, REQUEST_CALLS);
        }
    }

    @Benchmark
    public int plainCalls(Calls state) {
        int total = 0;
        for (int i = 0; i < state.calls; i++) {
            total += state.callable.plain(1);
        }
        return total;
    }

    @Benchmark
    public int dormantCalls(Calls state) {
        try (Hub hub = Hub.open("request")) {
            return request(hub, state.callable, state.calls);
        }
    }

    @Benchmark
    public int listenedCalls(Calls state) {
        try (Hub hub = Hub.open("request")) {
            hub.spawn(state.enterAndExit);
            return request(hub, state.callable, state.calls);
        }
    }
}
