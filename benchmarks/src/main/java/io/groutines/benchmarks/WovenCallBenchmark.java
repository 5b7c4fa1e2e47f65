package io.groutines.benchmarks;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.benchmarks.woven.Elsewhere;

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
 * What a woven call costs when no groutine of the calling thread waits for it, through classes woven by the
 * groutines agent ({@code io.groutines.benchmarks.woven}) beside their unwoven twins
 * ({@code io.groutines.benchmarks.plain}), for a two-argument {@code int} method, a two-argument {@code String}
 * method and a constructor:
 * <ul>
 * <li>{@code unwoven...} — the twin outside the weave scope: the baseline;</li>
 * <li>{@code wovenDormant...} — woven, and no groutine in the JVM waits for any call: one volatile read;</li>
 * <li>{@code wovenArmedElsewhere...} — woven, and a groutine of another platform thread's hub waits for some call
 * (the common state under load: some request's groutine waits somewhere), so every woven call in the JVM is armed;
 * the measuring thread has no hub bound;</li>
 * <li>{@code wovenArmedHubHere...} — the same, and the measuring thread has a hub bound whose groutine waits for
 * another method (as a request whose groutines wait for some other call).</li>
 * </ul>
 * The {@code int} arguments are 1000 and 2000, outside the {@code Integer} cache, so that an armed call's boxing
 * allocates as it does for most values.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Harness.AGENT)
public class WovenCallBenchmark {

    /** The subjects and their arguments. */
    @State(Scope.Thread)
    public static class Subjects {

        final io.groutines.benchmarks.plain.Adder plain = new io.groutines.benchmarks.plain.Adder(1);

        final io.groutines.benchmarks.woven.Adder woven = new io.groutines.benchmarks.woven.Adder(1);

        int a = 1000;

        int b = 2000;

        String s = "ab";

        String t = "abc";

        @Setup(Level.Trial)
        public void check() {
            Harness.requireWoven(io.groutines.benchmarks.woven.Adder.class);
            Harness.requireUnwoven(io.groutines.benchmarks.plain.Adder.class);
        }
    }

    /** Nobody waits for any call in the JVM. */
    @State(Scope.Thread)
    public static class Dormant {

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireArmed(false);
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            Harness.requireArmed(false);
        }
    }

    /** Another thread's groutine waits; the measuring thread has no hub. */
    @State(Scope.Thread)
    public static class ArmedElsewhere {

        private Harness.ArmedElsewhere elsewhere;

        private long dispatched;

        @Setup(Level.Trial)
        public void arm() throws InterruptedException {
            elsewhere = new Harness.ArmedElsewhere();
        }

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireArmed(true);
            Harness.require(Hub.current().isEmpty(), "no hub is bound to the measuring thread");
            dispatched = Hub.statistics().dispatched();
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            elsewhere.check();
            Harness.require(Hub.statistics().dispatched() == dispatched, "no call was dispatched to a groutine");
        }

        @TearDown(Level.Trial)
        public void disarm() throws InterruptedException {
            elsewhere.close();
        }
    }

    /** Another thread's groutine waits, and so does a groutine of the measuring thread's hub, for another method. */
    @State(Scope.Thread)
    public static class ArmedHubHere {

        private Harness.ArmedElsewhere elsewhere;

        private Hub hub;

        private boolean resumed;

        private long dispatched;

        @Setup(Level.Trial)
        public void arm() throws InterruptedException {
            elsewhere = new Harness.ArmedElsewhere();
            hub = Hub.open("here");
            FunctionCall other = FunctionCall.of(Elsewhere.class, "other");
            hub.spawn("waits-for-another-method", () -> {
                other.await(Phase.ENTER);
                resumed = true;
            });
        }

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireArmed(true);
            Harness.requireBoundHere(hub);
            dispatched = Hub.statistics().dispatched();
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            elsewhere.check();
            Harness.require(!resumed, "this thread's groutine still waits, never resumed");
            Harness.require(Hub.statistics().dispatched() == dispatched, "no call was dispatched to a groutine");
        }

        @TearDown(Level.Trial)
        public void disarm() throws InterruptedException {
            hub.close();
            elsewhere.close();
        }
    }

    // ---- int add(int, int) -----------------------------------------------------------------------------------

    @Benchmark
    public int unwovenCall(Subjects s, Dormant d) {
        return s.plain.add(s.a, s.b);
    }

    @Benchmark
    public int wovenDormantCall(Subjects s, Dormant d) {
        return s.woven.add(s.a, s.b);
    }

    @Benchmark
    public int wovenArmedElsewhereCall(Subjects s, ArmedElsewhere armed) {
        return s.woven.add(s.a, s.b);
    }

    @Benchmark
    public int wovenArmedHubHereCall(Subjects s, ArmedHubHere armed) {
        return s.woven.add(s.a, s.b);
    }

    // ---- String longer(String, String) -------------------------------------------------------------------------

    @Benchmark
    public String unwovenReferenceCall(Subjects s, Dormant d) {
        return s.plain.longer(s.s, s.t);
    }

    @Benchmark
    public String wovenDormantReferenceCall(Subjects s, Dormant d) {
        return s.woven.longer(s.s, s.t);
    }

    @Benchmark
    public String wovenArmedElsewhereReferenceCall(Subjects s, ArmedElsewhere armed) {
        return s.woven.longer(s.s, s.t);
    }

    @Benchmark
    public String wovenArmedHubHereReferenceCall(Subjects s, ArmedHubHere armed) {
        return s.woven.longer(s.s, s.t);
    }

    // ---- new Adder(int) -------------------------------------------------------------------------------------------

    @Benchmark
    public Object unwovenConstructor(Subjects s, Dormant d) {
        return new io.groutines.benchmarks.plain.Adder(s.a);
    }

    @Benchmark
    public Object wovenDormantConstructor(Subjects s, Dormant d) {
        return new io.groutines.benchmarks.woven.Adder(s.a);
    }

    @Benchmark
    public Object wovenArmedElsewhereConstructor(Subjects s, ArmedElsewhere armed) {
        return new io.groutines.benchmarks.woven.Adder(s.a);
    }
}
