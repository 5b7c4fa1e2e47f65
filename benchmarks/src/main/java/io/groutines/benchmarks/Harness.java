package io.groutines.benchmarks;

import io.groutines.Hub;
import io.groutines.Interception;
import io.groutines.LockCheck;
import io.groutines.weaving.Weaving;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the benchmarks share: how their JVMs start, and the checks that make a benchmark fail loudly, in its
 * set-up, when it would not measure what its name says.
 */
final class Harness {

    /**
     * The groutines agent, copied by the build; the working directory of the forks is the benchmarks module. Every
     * benchmark runs with it: the classes of {@code io.groutines.benchmarks.woven} are woven, those of
     * {@code io.groutines.benchmarks.plain} (their unwoven twins, the baselines) are not.
     */
    static final String AGENT = "-javaagent:target/agent/groutines-agent.jar=io.groutines.benchmarks.woven..*";

    /**
     * Switches off the runtime's protection of {@code synchronized} locks at each suspension. Only to measure what
     * the protection costs, beside the same benchmark with it on, in the same run. Never off in an application.
     */
    static final String UNPROTECTED = "-Dgroutines.monitors.protect=false";

    /** The suffix of the benchmarks whose forks run with {@link #UNPROTECTED}. */
    static final String UNPROTECTED_SUFFIX = "Unprotected";

    private Harness() {
    }

    /** @throws IllegalStateException unless the agent wove the class */
    static void requireWoven(Class<?> type) {
        Weaving.Status status = Weaving.status(type);
        if (status != Weaving.Status.WOVEN) {
            throw new IllegalStateException(type.getName() + " is not woven (" + status + "): the benchmark would "
                    + "measure an unwoven call. Run it in a fork started with " + AGENT);
        }
    }

    /** @throws IllegalStateException when the class is woven: it is a baseline */
    static void requireUnwoven(Class<?> type) {
        Weaving.Status status = Weaving.status(type);
        if (status == Weaving.Status.WOVEN) {
            throw new IllegalStateException(type.getName() + " is woven, but it is the unwoven baseline");
        }
    }

    /** Forces the lock check of the runtime's snapshot of the thread ({@code LockCheck.Mode.INTERNAL_SNAPSHOT}). */
    static final String INTERNAL_SNAPSHOT = "-Dgroutines.lock-check=internal-snapshot";

    /** The suffix of the benchmarks whose forks run with {@link #INTERNAL_SNAPSHOT}. */
    static final String INTERNAL_SNAPSHOT_SUFFIX = "InternalSnapshot";

    /** Forces the lock check through {@code ThreadMXBean} ({@code LockCheck.Mode.PUBLIC_API}), as on a JDK without the others. */
    static final String PUBLIC_API = "-Dgroutines.lock-check=public-api";

    /** The suffix of the benchmarks whose forks run with {@link #PUBLIC_API}. */
    static final String PUBLIC_API_SUFFIX = "PublicApi";

    /**
     * @param benchmark the benchmark's name, from JMH's {@code BenchmarkParams}
     * @throws IllegalStateException unless the fork's lock check is what the benchmark's name says: off for the
     *         {@code ...Unprotected} benchmarks, the snapshot or the public API for {@code ...InternalSnapshot} and
     *         {@code ...PublicApi}, the fast count for all others
     */
    static void requireProtection(String benchmark) {
        LockCheck.Mode expected = benchmark.endsWith(UNPROTECTED_SUFFIX) ? LockCheck.Mode.OFF
                : benchmark.endsWith(INTERNAL_SNAPSHOT_SUFFIX) ? LockCheck.Mode.INTERNAL_SNAPSHOT
                : benchmark.endsWith(PUBLIC_API_SUFFIX) ? LockCheck.Mode.PUBLIC_API
                : LockCheck.Mode.FAST_COUNT;
        LockCheck check = LockCheck.inForce();
        if (check.mode() != expected) {
            throw new IllegalStateException(benchmark + " must run with the lock check " + expected.label()
                    + ", but this fork has " + check + " (the benchmark's name says which: the suffixes "
                    + UNPROTECTED_SUFFIX + ", " + INTERNAL_SNAPSHOT_SUFFIX + " and " + PUBLIC_API_SUFFIX + ")");
        }
    }

    /** @throws IllegalStateException unless some groutine in the JVM waits for a call (or, with false, none) */
    static void requireArmed(boolean armed) {
        if (Interception.armed() != armed) {
            throw new IllegalStateException("woven calls are " + (armed ? "dormant" : "armed")
                    + " where the benchmark needs them " + (armed ? "armed" : "dormant"));
        }
    }

    /** @throws IllegalStateException unless the hub is the innermost one bound to the measuring thread */
    static void requireBoundHere(Hub hub) {
        if (Hub.current().orElse(null) != hub) {
            throw new IllegalStateException(hub + " is not bound to the measuring thread '"
                    + Thread.currentThread().getName() + "'");
        }
    }

    /** @throws IllegalStateException when the condition is false */
    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }

    /**
     * Another platform thread, with a hub of its own whose groutine waits for {@code woven.Elsewhere.target} —
     * which nobody calls — (or for another call) until {@link #close}: while it lives, every woven call in the JVM is
     * armed.
     */
    static final class ArmedElsewhere implements AutoCloseable {

        private final Thread thread;

        private final CountDownLatch done = new CountDownLatch(1);

        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private volatile boolean resumed;

        ArmedElsewhere() throws InterruptedException {
            this(() -> io.groutines.FunctionCall.of(io.groutines.benchmarks.woven.Elsewhere.class, "target"));
        }

        /** @param call what the other thread's groutine waits for, made on that thread */
        ArmedElsewhere(java.util.function.Supplier<io.groutines.FunctionCall> call) throws InterruptedException {
            CountDownLatch armed = new CountDownLatch(1);
            thread = Thread.ofPlatform().name("armed-elsewhere").daemon().start(() -> {
                try (Hub hub = Hub.open("elsewhere")) {
                    hub.spawn("waits-elsewhere", () -> {
                        call.get().await(io.groutines.Phase.ENTER);
                        resumed = true;
                    });
                    armed.countDown();
                    done.await();
                }
                catch (Throwable ex) {
                    failure.set(ex);
                }
                finally {
                    armed.countDown();
                }
            });
            armed.await();
            if (failure.get() != null) {
                throw new IllegalStateException("could not arm the other thread", failure.get());
            }
            requireArmed(true);
        }

        /** @throws IllegalStateException when the other thread's groutine was resumed: something dispatched to it */
        void check() {
            require(thread.isAlive() && !resumed && failure.get() == null,
                    "the other thread's groutine still waits, never resumed");
        }

        @Override
        public void close() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }
}
