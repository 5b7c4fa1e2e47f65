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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of weaving: the same two-argument {@code int} method, a two-argument {@code String} method and the
 * same constructor, unwoven
 * ({@code bench.plain}), woven with nothing listening ({@code bench.woven}), and woven with one groutine that
 * handles every call at ENTER and EXIT. The forks run with the groutines agent, whose weave scope is
 * {@code io.groutines.benchmarks.woven..*}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
/* the groutines agent, copied by the build; the working directory is the benchmarks module */
@Fork(value = 2, jvmArgsAppend = "-javaagent:target/agent/groutines-agent.jar=io.groutines.benchmarks.woven..*")
public class WovenCallBenchmark {

    private final io.groutines.benchmarks.plain.Adder plain = new io.groutines.benchmarks.plain.Adder(1);

    private final io.groutines.benchmarks.woven.Adder woven = new io.groutines.benchmarks.woven.Adder(1);

    private int a = 2;

    private int b = 3;

    private String s = "ab";

    private String t = "abc";

    @Benchmark
    public int unwovenCall() {
        return plain.add(a, b);
    }

    @Benchmark
    public int wovenDormantCall() {
        return woven.add(a, b);
    }

    @Benchmark
    public String unwovenReferenceCall() {
        return plain.longer(s, t);
    }

    @Benchmark
    public String wovenDormantReferenceCall() {
        return woven.longer(s, t);
    }

    @Benchmark
    public Object unwovenConstructor() {
        return new io.groutines.benchmarks.plain.Adder(a);
    }

    @Benchmark
    public Object wovenDormantConstructor() {
        return new io.groutines.benchmarks.woven.Adder(a);
    }

    @Benchmark
    public int wovenListenedCall(Listening listening) {
        return woven.add(a, b);
    }

    /** One groutine that waits for every call of {@code woven.Adder.add}, at ENTER and at EXIT. */
    @State(Scope.Thread)
    public static class Listening {

        private Hub hub;

        @Setup
        public void listen() {
            hub = Hub.open("benchmark");
            hub.spawn(() -> {
                FunctionCall add = FunctionCall.of(io.groutines.benchmarks.woven.Adder.class, "add");
                while (true) {
                    add.await(Phase.ENTER);
                    add.await(Phase.EXIT);
                }
            });
        }

        @TearDown
        public void close() {
            hub.close();
        }
    }
}
