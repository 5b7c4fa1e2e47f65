package io.groutines.boot.races;

import io.groutines.Call;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.Signals;

/**
 * A declared groutine that holds the greeting of {@code declared-a} until {@code declared-b} has been greeted, with
 * the signals a test gives it; without them it does nothing.
 */
@Groutines("held_greetings")
public class HeldGreetings {

    private volatile Signals signals;

    /**
     * @param signals the test's signals, or {@code null} to stop holding
     */
    public void use(Signals signals) {
        this.signals = signals;
    }

    @Groutine(call = "io.groutines.boot.app.Greeter.greet", phase = Phase.EXIT)
    void greeted(String name, Call call) {
        Signals signals = this.signals;
        if (signals == null) {
            return;
        }
        if (name.equals("declared-a")) {
            signals.hold(call, "b greeted");
        }
        else if (name.equals("declared-b")) {
            signals.send("b greeted");
        }
    }
}
