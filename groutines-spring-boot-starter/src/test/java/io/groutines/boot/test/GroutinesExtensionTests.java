package io.groutines.boot.test;

import java.util.ArrayList;
import java.util.List;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
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

    private static EngineExecutionResults run(String method) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(Scenarios.class, method, Hub.class.getName()))
                .execute();
    }

    /** Run by the test kit only (surefire skips nested classes). */
    @WithGroutines
    static class Scenarios {

        static final List<Hub> hubs = new ArrayList<>();

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
    }
}
