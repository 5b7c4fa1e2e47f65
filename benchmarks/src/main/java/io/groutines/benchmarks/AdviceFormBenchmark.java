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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Why the hot path keeps a specialised form of the interception protocol: the same woven call, {@code long sum(int
 * ...)} of the woven {@code Adder}, through the two forms the agent weaves, dormant and listened.
 * <ul>
 * <li>{@code ...Eight} — {@code sum8}, eight {@code int} parameters: the widest method whose around advice
 * ({@code WovenCalls}, generated per arity) binds its arguments one by one and runs the protocol inline; dormant, it
 * costs one volatile read.</li>
 * <li>{@code ...Nine} — {@code sum9}, the same with a ninth parameter: the narrowest method that goes through the
 * generic form ({@code WideCalls} and {@code Interception.intercept}, the routine shared with Spring proxies), where
 * the weaver builds a join point and boxes the arguments before the advice runs, even dormant.</li>
 * </ul>
 * Each beside its unwoven twin ({@code plain.Adder}), the baseline; {@code listened...}: one groutine of the measuring
 * thread's hub handles every call at ENTER and at EXIT, as in {@code DispatchBenchmark.listenedCall}; dormant: nobody
 * waits for any call in the JVM ({@code WovenCallBenchmark.Dormant}). The ninth argument adds one addition to the
 * body; the unwoven pair shows what that costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Harness.AGENT)
public class AdviceFormBenchmark {

    /** The subjects and their arguments, outside the {@code Integer} cache so that boxing allocates. */
    @State(Scope.Thread)
    public static class Subjects {

        final io.groutines.benchmarks.plain.Adder plain = new io.groutines.benchmarks.plain.Adder(1);

        final io.groutines.benchmarks.woven.Adder woven = new io.groutines.benchmarks.woven.Adder(1);

        int a = 1000;

        int b = 2000;

        @Setup(Level.Trial)
        public void check() {
            Harness.requireWoven(io.groutines.benchmarks.woven.Adder.class);
            Harness.requireUnwoven(io.groutines.benchmarks.plain.Adder.class);
        }
    }

    /**
     * One groutine of the measuring thread's hub that handles every call of {@link #method()} at ENTER and EXIT,
     * forever.
     */
    public abstract static class Listener {

        private Hub hub;

        private long enters;

        private long exits;

        private long entersBefore;

        /** @return the name of the woven {@code Adder}'s method it handles */
        protected abstract String method();

        @Setup(Level.Trial)
        public void spawn() {
            hub = Hub.open("listener-" + method());
            FunctionCall call = FunctionCall.of(io.groutines.benchmarks.woven.Adder.class, method());
            hub.spawn("listener", () -> {
                while (true) {
                    call.await(Phase.ENTER);
                    enters++;
                    call.await(Phase.EXIT);
                    exits++;
                }
            });
        }

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireBoundHere(hub);
            Harness.requireArmed(true);
            entersBefore = enters;
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            Harness.require(enters > entersBefore && exits == enters,
                    "the groutine handled every call of " + method() + " at ENTER and EXIT");
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    /** {@link Listener} of {@code sum8}. */
    @State(Scope.Thread)
    public static class ListenerEight extends Listener {

        @Override
        protected String method() {
            return "sum8";
        }
    }

    /** {@link Listener} of {@code sum9}. */
    @State(Scope.Thread)
    public static class ListenerNine extends Listener {

        @Override
        protected String method() {
            return "sum9";
        }
    }

    // ---- eight parameters: the specialised advice -------------------------------------------------------------

    @Benchmark
    public long unwovenEight(Subjects s, WovenCallBenchmark.Dormant d) {
        return s.plain.sum8(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b);
    }

    @Benchmark
    public long dormantEight(Subjects s, WovenCallBenchmark.Dormant d) {
        return s.woven.sum8(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b);
    }

    @Benchmark
    public long listenedEight(Subjects s, ListenerEight l) {
        return s.woven.sum8(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b);
    }

    // ---- nine parameters: the generic routine -------------------------------------------------------------------

    @Benchmark
    public long unwovenNine(Subjects s, WovenCallBenchmark.Dormant d) {
        return s.plain.sum9(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b, s.a);
    }

    @Benchmark
    public long dormantNine(Subjects s, WovenCallBenchmark.Dormant d) {
        return s.woven.sum9(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b, s.a);
    }

    @Benchmark
    public long listenedNine(Subjects s, ListenerNine l) {
        return s.woven.sum9(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b, s.a);
    }
}
