package io.groutines.boot.woven;

import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;

/** A groutine with a call trigger, for the weaving seam. */
@Groutines
class GreetingGroutines {

    @Groutine(call = "io.groutines.boot.app.Greeter.greet", phase = Phase.ENTER)
    void onGreet(String name) {
    }
}
