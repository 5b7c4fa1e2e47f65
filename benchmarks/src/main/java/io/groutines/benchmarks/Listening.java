package io.groutines.benchmarks;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One groutine of the measuring thread's hub that handles every call of {@link #method()} at ENTER and EXIT,
 * forever.
 */
public abstract class Listening {

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
