package io.groutines.weaving.declared;

import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;

/** Found by the agent on the class path, from its class file, before any class it names is loaded. */
@Groutines(weave = "io.groutines.weaving.declared.Wanted")
public class DeclaredGroutines {

    @Groutine(call = "io.groutines.weaving.declared.Counter.increment", phase = Phase.ENTER)
    Integer fortyTwo() {
        return 42;
    }
}
