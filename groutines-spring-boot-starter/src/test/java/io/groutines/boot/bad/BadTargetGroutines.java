package io.groutines.boot.bad;

import io.groutines.Groutine;
import io.groutines.Groutines;

/** Names a method that does not exist (a typo), to show the startup report. */
@Groutines("bad")
class BadTargetGroutines {

    @Groutine(call = "io.groutines.boot.app.Greeter.greeet")
    void onGreet(String name) {
    }

    /** Valid, yet with fail-on-target-error=false skipped with its neighbour: a class runs whole or not at all. */
    @Groutine(call = "io.groutines.boot.app.Greeter.greet")
    void onGreetCorrectly(String name) {
    }
}
