package io.groutines.benchmarks;


import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The same woven call, {@code long sum(int ...)} of the woven {@code Adder}, with eight and with nine parameters,
 * dormant and listened: where AspectJ's weaver weaves (with {@code -Dgroutines.weave.direct=false}, or for the classes
 * the direct weaver leaves to it), these are its two forms of the interception protocol; the direct weaver, which
 * weaves both here, writes one form for every arity.
 * <ul>
 * <li>{@code ...Eight} — {@code sum8}, eight {@code int} parameters: AspectJ's widest method whose around advice
 * ({@code WovenCalls}, generated per arity) binds its arguments one by one and runs the protocol inline; dormant, it
 * costs one volatile read.</li>
 * <li>{@code ...Nine} — {@code sum9}, the same with a ninth parameter: under AspectJ's weaver the narrowest method
 * that goes through the generic form ({@code WideCalls} and {@code Interception.intercept}, the routine shared with
 * Spring proxies), where the weaver builds a join point and boxes the arguments before the advice runs, even
 * dormant; under the direct weaver, the same form as {@code sum8}.</li>
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

    /** {@link Listening} to {@code sum8}. */
    @State(Scope.Thread)
    public static class ListenerEight extends Listening {

        @Override
        protected String method() {
            return "sum8";
        }
    }

    /** {@link Listening} to {@code sum9}. */
    @State(Scope.Thread)
    public static class ListenerNine extends Listening {

        @Override
        protected String method() {
            return "sum9";
        }
    }

    // ---- eight parameters: the specialised advice -------------------------------------------------------------

    @Benchmark
    public long unwovenEight(WovenCallBenchmark.Subjects s, WovenCallBenchmark.Dormant d) {
        return s.plain.sum8(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b);
    }

    @Benchmark
    public long dormantEight(WovenCallBenchmark.Subjects s, WovenCallBenchmark.Dormant d) {
        return s.woven.sum8(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b);
    }

    @Benchmark
    public long listenedEight(WovenCallBenchmark.Subjects s, ListenerEight l) {
        return s.woven.sum8(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b);
    }

    // ---- nine parameters: the generic routine -------------------------------------------------------------------

    @Benchmark
    public long unwovenNine(WovenCallBenchmark.Subjects s, WovenCallBenchmark.Dormant d) {
        return s.plain.sum9(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b, s.a);
    }

    @Benchmark
    public long dormantNine(WovenCallBenchmark.Subjects s, WovenCallBenchmark.Dormant d) {
        return s.woven.sum9(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b, s.a);
    }

    @Benchmark
    public long listenedNine(WovenCallBenchmark.Subjects s, ListenerNine l) {
        return s.woven.sum9(s.a, s.b, s.a, s.b, s.a, s.b, s.a, s.b, s.a);
    }
}
