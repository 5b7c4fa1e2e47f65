package io.groutines.boot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Signals;
import io.groutines.boot.app.Greeter;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The JUnit extension, run through the JUnit test kit so that a test it fails can be observed.
 */
class GroutinesExtensionTests {

    @Test
    void aTestSeesTheArgumentsOfAnInternalCall() {
        EngineExecutionResults results = run("seesAnInternalCall");
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aGroutineWaitingForACallThatNeverHappenedFailsTheTestNamingWhatItWaitedFor() {
        EngineExecutionResults results = run("waitsForACallThatNeverHappens");
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'never' is still waiting for FunctionCall(io.groutines.boot.app.Greeter.greet) ENTER")
                .hasMessageContaining("@WithGroutines(requireFinished = false)");
    }

    @Test
    void requireFinishedFalseLetsGroutinesWaitOnPurpose() {
        run("waitsOnPurpose").testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void theHubIsClosedAndUnboundAfterEachTest() {
        run("seesAnInternalCall");
        assertThat(Hub.current()).isEmpty();
        assertThat(Scenarios.hubs).isNotEmpty().noneMatch(Hub::isOpen);
    }

    @Test
    void aHoldThatTimedOutDuringTheTestFailsItWithTheInterleaving() {
        EngineExecutionResults results = run("holdTimesOut", Signals.class.getName());
        assertThat(failure(results)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 hold(s) of signals 'test Scenarios.holdTimesOut(Signals)' did not end with "
                        + "their signal")
                .hasMessageContaining("'held' of other thread on other: holds io.groutines.boot.app.Greeter.greet "
                        + "ENTER until 'never'")
                .hasMessageContaining("timed out");
        assertThat(Scenarios.outcomes).contains("holdTimesOut: AssertionError");
    }

    @Test
    void aHoldStillWaitingWhenTheTestEndsIsReleasedAndFailsTheTest() throws InterruptedException {
        EngineExecutionResults results = run("endsWhileHeld", Signals.class.getName());
        assertThat(failure(results)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'held' of other thread on other still held io.groutines.boot.app.Greeter.greet "
                        + "ENTER until 'never', never sent");
        for (Thread other : Scenarios.otherThreads) {
            assertThat(other.join(Duration.ofSeconds(5))).as("released").isTrue();
        }
        assertThat(Scenarios.outcomes).contains("endsWhileHeld: Hello, held");
    }

    @Test
    void aHoldReleasedByItsSignalLetsTheTestPass() {
        run("releasedBySignal", Hub.class.getName() + "," + Signals.class.getName()).testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aTestThatFailsWhileItHasSignalsGetsTheirTraceBesideItsFailure() {
        EngineExecutionResults results = run("failsAfterASignal", Signals.class.getName());
        assertThat(failure(results)).hasMessage("the test's own failure").satisfies(failure -> assertThat(
                failure.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("The interleaving until the failure: Signals 'test Scenarios.failsAfterASignal(Signals)' "
                        + "(1 sent: ready; none holding)")
                .contains("sends 'ready'"));
    }

    private static Throwable failure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
    }

    private static EngineExecutionResults run(String method) {
        return run(method, Hub.class.getName());
    }

    private static EngineExecutionResults run(String method, String parameterTypes) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(Scenarios.class, method, parameterTypes))
                .execute();
    }

    /** Run by the test kit only (surefire skips nested classes). */
    @WithGroutines
    static class Scenarios {

        static final List<Hub> hubs = new ArrayList<>();

        static final List<String> outcomes = new CopyOnWriteArrayList<>();

        static final List<Thread> otherThreads = new CopyOnWriteArrayList<>();

        private final Greeter greeter = new Greeter();

        @Test
        void seesAnInternalCall(Hub hub) {
            hubs.add(hub);
            List<Object> names = new ArrayList<>();
            hub.spawn("greet", () -> {
                Call call = FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
                names.add(call.arg(0));
                call.setArg(0, "patched " + call.arg(0));
            });
            assertThat(this.greeter.greet("ann")).isEqualTo("Hello, patched ann");
            assertThat(names).containsExactly("ann");
        }

        @Test
        void waitsForACallThatNeverHappens(Hub hub) {
            hub.spawn("never", () -> FunctionCall.of("io.groutines.boot.app.Greeter.greet").await(Phase.ENTER));
        }

        @Test
        @WithGroutines(requireFinished = false)
        void waitsOnPurpose(Hub hub) {
            hub.spawn("watcher", () -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER));
        }

        @Test
        void holdTimesOut(Signals signals) throws Exception {
            onOtherThread("holdTimesOut", signals, Duration.ofMillis(200)).join();
        }

        @Test
        void endsWhileHeld(Signals signals) throws Exception {
            Thread other = onOtherThread("endsWhileHeld", signals, Duration.ofSeconds(30));
            while (signals.holds().isEmpty()) {
                Thread.sleep(5);
            }
            otherThreads.add(other); // the test ends while it holds; the outcome is read after the close
        }

        @Test
        void releasedBySignal(Hub hub, Signals signals) throws Exception {
            Thread other = onOtherThread("releasedBySignal", signals, Duration.ofSeconds(30));
            while (signals.holds().isEmpty()) {
                Thread.sleep(5);
            }
            hub.spawn("sender", () -> {
                FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT);
                signals.send("never");
            });
            assertThat(this.greeter.greet("test")).isEqualTo("Hello, test");
            other.join();
            assertThat(outcomes).contains("releasedBySignal: Hello, held");
        }

        @Test
        void failsAfterASignal(Signals signals) {
            signals.send("ready");
            throw new AssertionError("the test's own failure");
        }

        /** A thread with a hub of its own whose groutine holds a call of it until 'never'. */
        private Thread onOtherThread(String test, Signals signals, Duration timeout) {
            return Thread.ofPlatform().name("other").start(() -> {
                try (Hub hub = Hub.open("other thread")) {
                    hub.spawn("held", () -> signals.hold(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER),
                            "never", timeout));
                    outcomes.add(test + ": " + this.greeter.greet("held"));
                }
                catch (Throwable ex) {
                    outcomes.add(test + ": " + ex.getClass().getSimpleName());
                }
            });
        }
    }
}
