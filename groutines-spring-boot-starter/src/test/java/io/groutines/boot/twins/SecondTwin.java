package io.groutines.boot.twins;

import io.groutines.Groutine;
import io.groutines.Groutines;

/** Named like {@link FirstTwin}, but for case. */
@Groutines("Twin")
class SecondTwin {

    @Groutine(event = "TWIN")
    void seen() {
    }
}
