package io.groutines.boot.badresult;

import io.groutines.Groutine;
import io.groutines.Groutines;

/** Returns an Integer for a method that returns a String: its result could never replace the call's. */
@Groutines("length")
class LengthGroutines {

    @Groutine(call = "io.groutines.boot.app.Greeter.greet")
    Integer length(String name) {
        return name.length();
    }
}
