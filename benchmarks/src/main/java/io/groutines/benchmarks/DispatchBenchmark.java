package io.groutines.benchmarks;

import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Strand;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * What a groutine's work costs, through a class woven by the groutines agent:
 * <ul>
 * <li>{@code listenedCall} — a woven {@code int add(int, int)} that one groutine handles at ENTER and at EXIT,
 * awaiting again in a loop: two dispatches, two switches into the groutine and two suspensions per call. Made
 * {@code depth} frames deep (0 or 100 frames of recursion, never inlined, before the call), because the lock
 * protection reads the thread's stack at every suspension. Its baseline, {@code plainCall}, is the same recursion
 * and the unwoven twin's call.</li>
 * <li>{@code listenedCallUnderLock} — the same inside a {@code synchronized} block of the caller, always on the
 * same monitor: the first suspension finds it fast-locked and makes it inflated, so that it stays with the caller;
 * from then on it is inflated and the lock stack is empty.</li>
 * <li>{@code listenedCallUnderNewLock} — the same under a new monitor for every call, as a request under a lock of
 * its own: the first of the call's two suspensions finds it fast-locked (and inflates it), the second finds the lock
 * stack empty.</li>
 * <li>{@code listenedCallOnVirtualThread} — {@value OnVirtualThread#CALLS} listened calls in a row on a virtual thread
 * (as a request on virtual threads makes them), with its baseline {@code plainCallOnVirtualThread}: the same calls of
 * the unwoven twin there. Each invocation starts the virtual thread, opens its hub and spawns its listener; that is
 * shared by the {@value OnVirtualThread#CALLS} calls and is in the baseline too.</li>
 * <li>{@code eventFire} — {@code Event.fire} to one groutine that awaits the event again in a loop (one
 * suspension).</li>
 * <li>{@code spawnAndKill} — a groutine spawned to its first {@code await} (one suspension), then killed.</li>
 * </ul>
 * Each benchmark that suspends a groutine has an {@code ...Unprotected} twin whose fork runs with
 * {@value Harness#UNPROTECTED}: the runtime's protection of {@code synchronized} locks switched off, only to measure
 * what it costs per suspension, in the same run. Never switch it off otherwise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Harness.AGENT)
public class DispatchBenchmark {

    /** The subjects, the depth of the stack under the call, and the fork's protection, checked. */
    @State(Scope.Thread)
    public static class Subjects {

        /** Frames of recursion between the benchmark method and the call. */
        @Param({ "0", "100" })
        int depth;

        final io.groutines.benchmarks.plain.Adder plain = new io.groutines.benchmarks.plain.Adder(1);

        final io.groutines.benchmarks.woven.Adder woven = new io.groutines.benchmarks.woven.Adder(1);

        /** A lock of the caller's, for {@code listenedCallUnderLock}. */
        final Object lock = new Object();

        /** Where {@code listenedCallUnderNewLock} keeps its lock, so that the JIT cannot elide locking it. */
        Object newLock;

        int a = 1000;

        int b = 2000;

        @Setup(Level.Trial)
        public void check(BenchmarkParams params) {
            Harness.requireWoven(io.groutines.benchmarks.woven.Adder.class);
            Harness.requireUnwoven(io.groutines.benchmarks.plain.Adder.class);
            Harness.requireProtection(params.getBenchmark());
        }
    }

    /** One groutine that handles every call of {@code woven.Adder.add} at ENTER and at EXIT, forever. */
    @State(Scope.Thread)
    public static class Listener extends Listening {

        @Override
        protected String method() {
            return "add";
        }
    }

    /** Batches of calls run on a new virtual thread, with a hub and a listening groutine of its own. */
    @State(Scope.Thread)
    public static class OnVirtualThread {

        static final int CALLS = 1000;

        long sum;

        long handled;

        private long handledBefore;

        @Setup(Level.Iteration)
        public void check() {
            handledBefore = handled;
        }

        @TearDown(Level.Iteration)
        public void checkAfter(BenchmarkParams params) {
            if (params.getBenchmark().contains("listened")) {
                Harness.require(handled > handledBefore, "the virtual thread's groutine handled its calls");
            }
        }

        /** Runs the calls on a new virtual thread; with a listener, each is handled at ENTER and at EXIT there. */
        void run(Subjects s, boolean listened) throws InterruptedException {
            long[] result = new long[2];
            Throwable[] failure = new Throwable[1];
            Thread.ofVirtual().start(() -> {
                try (Hub hub = Hub.open("virtual")) {
                    long[] seen = { 0 };
                    if (listened) {
                        FunctionCall add = FunctionCall.of(io.groutines.benchmarks.woven.Adder.class, "add");
                        hub.spawn("listener", () -> {
                            while (true) {
                                add.await(Phase.ENTER);
                                add.await(Phase.EXIT);
                                seen[0]++;
                            }
                        });
                    }
                    long total = 0;
                    for (int i = 0; i < CALLS; i++) {
                        total += listened ? wovenAt(s.depth, s.woven, s.a, s.b) : plainAt(s.depth, s.plain, s.a, s.b);
                    }
                    result[0] = total;
                    result[1] = seen[0];
                }
                catch (Throwable ex) {
                    failure[0] = ex;
                }
            }).join();
            if (failure[0] != null) {
                throw new IllegalStateException("the virtual thread failed", failure[0]);
            }
            Harness.require(!listened || result[1] == CALLS, "every call on the virtual thread was handled");
            sum += result[0];
            handled += result[1];
        }
    }

    /** As {@link Listener}, and it asks every call where it came from ({@code Call.caller()}, a stack walk). */
    @State(Scope.Thread)
    public static class CallerListener {

        Hub hub;

        StackTraceElement last;

        @Setup(Level.Trial)
        public void spawn() {
            hub = Hub.open("caller-listener");
            FunctionCall add = FunctionCall.of(io.groutines.benchmarks.woven.Adder.class, "add");
            hub.spawn("caller-listener", () -> {
                while (true) {
                    last = add.await(Phase.ENTER).caller();
                    add.await(Phase.EXIT);
                }
            });
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            Harness.require(last != null && last.getMethodName().equals("wovenAt"), "the caller was found: " + last);
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    /** Nobody waits for a call: the baseline's calls are not dispatched (the twin is unwoven anyway). */
    @State(Scope.Thread)
    public static class Dormant {

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireArmed(false);
        }
    }

    /** One groutine that awaits the event, forever. */
    @State(Scope.Thread)
    public static class Firing {

        final Event tick = Event.named("TICK");

        final Object data = "tick";

        Hub hub;

        long received;

        private long receivedBefore;

        @Setup(Level.Trial)
        public void spawn(BenchmarkParams params) {
            Harness.requireProtection(params.getBenchmark());
            hub = Hub.open("firing");
            hub.spawn("awaits-tick", () -> {
                while (true) {
                    tick.await();
                    received++;
                }
            });
        }

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireBoundHere(hub);
            receivedBefore = received;
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            Harness.require(received > receivedBefore, "the groutine received the events");
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    /** A hub to spawn in; its groutines wait for an event nobody fires. */
    @State(Scope.Thread)
    public static class Spawning {

        final Event never = Event.named("NEVER");

        final Runnable body = never::await;

        Hub hub;

        private long live;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            Harness.requireProtection(params.getBenchmark());
            hub = Hub.open("spawning");
        }

        @Setup(Level.Iteration)
        public void check() {
            Harness.requireBoundHere(hub);
            live = Hub.statistics().liveGroutines();
        }

        @TearDown(Level.Iteration)
        public void checkAfter() {
            Harness.require(Hub.statistics().liveGroutines() == live, "every spawned groutine was killed");
        }

        @TearDown(Level.Trial)
        public void close() {
            hub.close();
        }
    }

    /** {@code depth} frames, never inlined, then the unwoven call. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static int plainAt(int depth, io.groutines.benchmarks.plain.Adder adder, int a, int b) {
        return depth == 0 ? adder.add(a, b) : plainAt(depth - 1, adder, a, b);
    }

    /** {@code depth} frames, never inlined, then the woven call. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static int wovenAt(int depth, io.groutines.benchmarks.woven.Adder adder, int a, int b) {
        return depth == 0 ? adder.add(a, b) : wovenAt(depth - 1, adder, a, b);
    }

    // ---- a listened call -------------------------------------------------------------------------------------

    @Benchmark
    public int plainCall(Subjects s, Dormant d) {
        return plainAt(s.depth, s.plain, s.a, s.b);
    }

    @Benchmark
    public int listenedCall(Subjects s, Listener l) {
        return wovenAt(s.depth, s.woven, s.a, s.b);
    }

    /** What {@code Call.caller()} adds to a listened call; its baseline is {@link #listenedCall}. */
    @Benchmark
    public int listenedCallAskingCaller(Subjects s, CallerListener l) {
        return wovenAt(s.depth, s.woven, s.a, s.b);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public int listenedCallUnprotected(Subjects s, Listener l) {
        return listenedCall(s, l);
    }

    @Benchmark
    public int listenedCallUnderLock(Subjects s, Listener l) {
        synchronized (s.lock) {
            return wovenAt(s.depth, s.woven, s.a, s.b);
        }
    }

    @Benchmark
    public int listenedCallUnderNewLock(Subjects s, Listener l) {
        Object lock = new Object();
        s.newLock = lock;
        synchronized (lock) {
            return wovenAt(s.depth, s.woven, s.a, s.b);
        }
    }

    // the same calls under the slower ways of reading the thread's locks, as a JVM without the fast count gets them

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.INTERNAL_SNAPSHOT })
    public int listenedCallInternalSnapshot(Subjects s, Listener l) {
        return listenedCall(s, l);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.INTERNAL_SNAPSHOT })
    public int listenedCallUnderNewLockInternalSnapshot(Subjects s, Listener l) {
        return listenedCallUnderNewLock(s, l);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.PUBLIC_API })
    public int listenedCallPublicApi(Subjects s, Listener l) {
        return listenedCall(s, l);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.PUBLIC_API })
    public int listenedCallUnderNewLockPublicApi(Subjects s, Listener l) {
        return listenedCallUnderNewLock(s, l);
    }

    @Benchmark
    @OperationsPerInvocation(OnVirtualThread.CALLS)
    public long plainCallOnVirtualThread(Subjects s, Dormant d, OnVirtualThread v) throws InterruptedException {
        v.run(s, false);
        return v.sum;
    }

    @Benchmark
    @OperationsPerInvocation(OnVirtualThread.CALLS)
    public long listenedCallOnVirtualThread(Subjects s, OnVirtualThread v) throws InterruptedException {
        v.run(s, true);
        return v.sum;
    }

    @Benchmark
    @OperationsPerInvocation(OnVirtualThread.CALLS)
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public long listenedCallOnVirtualThreadUnprotected(Subjects s, OnVirtualThread v) throws InterruptedException {
        return listenedCallOnVirtualThread(s, v);
    }

    /** A virtual thread under the snapshot: the public API's way refuses a wait on a virtual thread. */
    @Benchmark
    @OperationsPerInvocation(OnVirtualThread.CALLS)
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.INTERNAL_SNAPSHOT })
    public long listenedCallOnVirtualThreadInternalSnapshot(Subjects s, OnVirtualThread v) throws InterruptedException {
        return listenedCallOnVirtualThread(s, v);
    }

    // ---- an event --------------------------------------------------------------------------------------------

    @Benchmark
    public int eventFire(Firing f) {
        return f.tick.fire(f.data);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public int eventFireUnprotected(Firing f) {
        return eventFire(f);
    }

    // ---- a groutine's life -----------------------------------------------------------------------------------

    @Benchmark
    public boolean spawnAndKill(Spawning s) {
        Strand strand = s.hub.spawn("short-lived", s.body);
        strand.kill();
        return strand.isAlive();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = { Harness.AGENT, Harness.UNPROTECTED })
    public boolean spawnAndKillUnprotected(Spawning s) {
        return spawnAndKill(s);
    }
}
