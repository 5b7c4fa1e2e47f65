package io.groutines.benchmarks;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.benchmarks.plain.Adder;
import io.groutines.weaving.Weaving;

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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;

/**
 * What a woven call site costs: the call of a method whose class was loaded unwoven before the application said what
 * to weave (as after a DevTools restart that added a groutine on a library method), from a class loaded after that
 * decision, whose call of it is woven ({@code woven.LateCaller}), beside the same code loaded before it, whose call is
 * not ({@code woven.EarlyCaller}, the baseline). Both callers' own methods are woven alike; {@code plain.Adder}, the
 * callee, is not woven at all.
 * <ul>
 * <li>{@code earlyCall}, {@code earlyArmedElsewhereCall} — the baselines, dormant and armed;</li>
 * <li>{@code watchedDormantCall} — no groutine in the JVM waits for any call;</li>
 * <li>{@code watchedArmedElsewhereCall} — a groutine of another thread waits for some other method;</li>
 * <li>{@code watchedAwaitedElsewhereCall} — a groutine of another thread waits for {@code plain.Adder.add} itself,
 * so the call site's advice runs (its join point is made) and finds no hub on the measuring thread.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Harness.AGENT)
public class CallSiteBenchmark {

    private static final String ADD = "io.groutines.benchmarks.plain.Adder.add";

    /** The callers, made once per fork: the early one before the decision, the late one after it. */
    @State(Scope.Benchmark)
    public static class Callers {

        IntBinaryOperator early;

        IntBinaryOperator late;

        int a = 1000;

        int b = 2000;

        @Setup(Level.Trial)
        public void decide() throws ReflectiveOperationException {
            Adder adder = new Adder(1);
            early = (IntBinaryOperator) Class.forName("io.groutines.benchmarks.woven.EarlyCaller")
                    .getConstructor(Adder.class).newInstance(adder);
            // what an application restarted with a groutine on plain.Adder.add tells the weaver
            Weaving.decide(true, Weaving.scope().withTargets(List.of(ADD)), CallSiteBenchmark.class.getClassLoader());
            late = (IntBinaryOperator) Class.forName("io.groutines.benchmarks.woven.LateCaller")
                    .getConstructor(Adder.class).newInstance(adder);
            Harness.requireWoven(early.getClass());
            Harness.requireWoven(late.getClass());
            Harness.requireUnwoven(Adder.class);
            Harness.require(joinPoints(late.getClass()) == joinPoints(early.getClass()) + 1,
                    "the late caller has one join point more than the early one: its call site");
        }

        private static long joinPoints(Class<?> type) {
            return Arrays.stream(type.getDeclaredFields())
                    .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("ajc$tjp_")).count();
        }
    }

    /** Another thread's groutine waits for the watched method itself. */
    @State(Scope.Thread)
    public static class AwaitedElsewhere {

        private Harness.ArmedElsewhere elsewhere;

        @Setup(Level.Trial)
        public void arm(Callers callers) throws InterruptedException {
            elsewhere = new Harness.ArmedElsewhere(() -> FunctionCall.of(Adder.class, "add"));
        }

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireArmed(true);
            Harness.require(Hub.current().isEmpty(), "no hub is bound to the measuring thread");
        }

        @TearDown(Level.Trial)
        public void disarm() throws InterruptedException {
            elsewhere.check();
            elsewhere.close();
        }
    }

    // the states of WovenCallBenchmark: nobody waits; another thread's groutine waits for another method

    @Benchmark
    public int earlyCall(Callers c, WovenCallBenchmark.Dormant d) {
        return c.early.applyAsInt(c.a, c.b);
    }

    @Benchmark
    public int earlyArmedElsewhereCall(Callers c, WovenCallBenchmark.ArmedElsewhere armed) {
        return c.early.applyAsInt(c.a, c.b);
    }

    @Benchmark
    public int watchedDormantCall(Callers c, WovenCallBenchmark.Dormant d) {
        return c.late.applyAsInt(c.a, c.b);
    }

    @Benchmark
    public int watchedArmedElsewhereCall(Callers c, WovenCallBenchmark.ArmedElsewhere armed) {
        return c.late.applyAsInt(c.a, c.b);
    }

    @Benchmark
    public int watchedAwaitedElsewhereCall(Callers c, AwaitedElsewhere awaited) {
        return c.late.applyAsInt(c.a, c.b);
    }
}
