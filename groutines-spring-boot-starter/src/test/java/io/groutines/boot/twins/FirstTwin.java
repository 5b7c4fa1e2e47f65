package io.groutines.boot.twins;

import io.groutines.Groutine;
import io.groutines.Groutines;

/** Named like {@link SecondTwin}, but for case: {@code groutines.active} could not tell them apart. */
@Groutines("twin")
class FirstTwin {

    @Groutine(event = "TWIN")
    void seen() {
    }
}
