package io.groutines.benchmarks;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * What one request costs as it grows: each invocation is a request — open a hub, spawn its groutines, make the
 * request's calls of a class woven by the groutines agent ({@code woven.Adder.add}), close the hub (which kills what
 * still waits).
 * <ul>
 * <li>{@code idleGroutines} — {@code groutines} live groutines (0, 1, 4, 16, 64), each waiting for {@code add} on
 * <em>another</em> instance (as the demo's {@code fill_user} waits for one controller's hook): the 10 calls of the
 * request are armed, looked up and find nobody, and the groutines are killed at close. 0 is the baseline: a hub
 * with no groutine, the calls dormant.</li>
 * <li>{@code listeningGroutines} — {@code groutines} live groutines that each handle every one of the 10 calls at
 * ENTER: a call resumes each of them once.</li>
 * <li>{@code plainCalls}, {@code dormantCalls}, {@code listenedCalls} — {@code calls} calls per request (1, 10,
 * 100): the unwoven twin with no hub (the baseline), the woven calls in a hub with no groutine, and with one
 * groutine that handles each call at ENTER and at EXIT.</li>
 * </ul>
 * With the runtime's lock protection on, as an application runs; the {@code ...Unprotected} twins of the benchmarks
 * that suspend groutines run with {@value Harness#UNPROTECTED}, only to show what the protection costs in the same
 * run. Never switch it off otherwise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Harness.AGENT)
public class ScalingBenchmark {

    /** Calls per request in the groutine-count benchmarks. */
    static final int REQUEST_CALLS = 10;

    @State(Scope.Thread)
    public static class Groutines {

        @Param({ "0", "1", "4", "16", "64" })
        int groutines;

        final io.groutines.benchmarks.woven.Adder adder = new io.groutines.benchmarks.woven.Adder(1);

        final FunctionCall elsewhere = FunctionCall.of(new io.groutines.benchmarks.woven.Adder(1), "add");

        final FunctionCall add = FunctionCall.of(io.groutines.benchmarks.woven.Adder.class, "add");

        long started;

        long resumed;

        private long startedBefore;

        private long resumedBefore;

        private boolean listening;

        final Runnable idle = () -> {
            started++;
            elsewhere.await(Phase.ENTER);
            resumed++; // never: nobody calls the other instance
        };

        final Runnable listen = () -> {
            started++;
            while (true) {
                add.await(Phase.ENTER);
                resumed++;
            }
        };

        @Setup(Level.Trial)
        public void check(BenchmarkParams params) {
            Harness.requireWoven(io.groutines.benchmarks.woven.Adder.class);
            Harness.requireProtection(params.getBenchmark());
            listening = params.getBenchmark().contains("listeningGroutines");
        }

        @Setup(Level.Iteration)
        public void before() {
            Harness.requireArmed(false);
            Harness.require(Hub.current().isEmpty(), "no hub is bound between requests");
            startedBefore = started;
            resumedBefore = resumed;
        }

        @TearDown(Level.Iteration)
        public void after() {
            Harness.requireArmed(false);
            if (groutines > 0) {
                Harness.require(started > startedBefore, "the request's groutines were spawned");
            }
            if (listening && groutines > 0) {
                Harness.require(resumed > resumedBefore, "the listening groutines were resumed by the calls");
            }
            else {
                Harness.require(resumed == resumedBefore, "no idle groutine was resumed");
            }
        }
    }

    @State(Scope.Thread)
    public static class Calls {

        @Param({ "1", "10", "100" })
        int calls;

        final io.groutines.benchmarks.plain.Adder plain = new io.groutines.benchmarks.plain.Adder(1);

        final io.groutines.benchmarks.woven.Adder adder = new io.groutines.benchmarks.woven.Adder(1);

        final FunctionCall add = FunctionCall.of(io.groutines.benchmarks.woven.Adder.class, "add");

        long enters;

        long exits;

        private long entersBefore;

        private long dispatchedBefore;

        private String benchmark;

        final Runnable enterAndExit = () -> {
            while (true) {
                add.await(Phase.ENTER);
                enters++;
                add.await(Phase.EXIT);
                exits++;
            }
        };

        @Setup(Level.Trial)
        public void check(BenchmarkParams params) {
            Harness.requireWoven(io.groutines.benchmarks.woven.Adder.class);
            Harness.requireUnwoven(io.groutines.benchmarks.plain.Adder.class);
            Harness.requireProtection(params.getBenchmark());
            benchmark = params.getBenchmark();
        }

        @Setup(Level.Iteration)
        public void before() {
            Harness.requireArmed(false);
            Harness.require(Hub.current().isEmpty(), "no hub is bound between requests");
            entersBefore = enters;
            dispatchedBefore = Hub.statistics().dispatched();
        }

        @TearDown(Level.Iteration)
        public void after() {
            Harness.requireArmed(false);
            if (benchmark.contains("listenedCalls")) {
                Harness.require(enters > entersBefore && exits == enters, "the groutine handled every call at ENTER and EXIT");
            }
            else {
                Harness.require(Hub.statistics().dispatched() == dispatchedBefore, "no call was dispatched");
            }
        }
    }

    /** The request's work: {@code calls} calls of {@code add}, the arguments changing so that none is constant. */
    private static int request(io.groutines.benchmarks.woven.Adder adder, int calls) {
        int total = 0;
        for (int i = 0; i < calls; i++) {
            total += adder.add(total, i);
        }
        return total;
    }

    @Benchmark
    public int idleGroutines(Groutines state) {
        try (Hub hub = Hub.open("request")) {
            for (int i = 0; i < state.groutines; i++) {
                hub.spawn(state.idle);
            }
            return request(state.adder, REQUEST_CALLS);
        }
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public int idleGroutinesUnprotected(Groutines state) {
        return idleGroutines(state);
    }

    @Benchmark
    public int listeningGroutines(Groutines state) {
        try (Hub hub = Hub.open("request")) {
            for (int i = 0; i < state.groutines; i++) {
                hub.spawn(state.listen);
            }
            return request(state.adder, REQUEST_CALLS);
        }
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public int listeningGroutinesUnprotected(Groutines state) {
        return listeningGroutines(state);
    }

    @Benchmark
    public int plainCalls(Calls state) {
        int total = 0;
        for (int i = 0; i < state.calls; i++) {
            total += state.plain.add(total, i);
        }
        return total;
    }

    @Benchmark
    public int dormantCalls(Calls state) {
        try (Hub hub = Hub.open("request")) {
            return request(state.adder, state.calls);
        }
    }

    @Benchmark
    public int listenedCalls(Calls state) {
        try (Hub hub = Hub.open("request")) {
            hub.spawn(state.enterAndExit);
            return request(state.adder, state.calls);
        }
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public int listenedCallsUnprotected(Calls state) {
        return listenedCalls(state);
    }
}
