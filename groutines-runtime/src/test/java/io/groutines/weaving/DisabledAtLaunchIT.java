package io.groutines.weaving;

import io.groutines.weaving.sample.Greeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent in a JVM launched with {@code -Dgroutines.enabled=false}: it weaves nothing from the first class on,
 * not even the classes its own arguments name, before any application could say so.
 */
class DisabledAtLaunchIT {

    @Test
    void nothingIsWovenAndTheDecisionIsMadeAtLaunch() {
        assertThat(new Greeter().greet("x")).isNotNull(); // loaded now, in the scope the agent's arguments name
        assertThat(Weaving.isStarted()).isTrue();
        assertThat(Weaving.isDecided()).isTrue();
        assertThat(Weaving.status(Greeter.class)).isNotEqualTo(Weaving.Status.WOVEN);
        assertThat(Weaving.counts()[0]).isZero();
    }
}
