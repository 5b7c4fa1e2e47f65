package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.declared.Counter;
import io.groutines.weaving.declared.DeclaredGroutines;
import io.groutines.weaving.declared.Unwanted;
import io.groutines.weaving.declared.Wanted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs with the agent, whose argument does not name the package {@code declared}. */
class DiscoveredTriggersIT {

    @Test
    void theAgentWeavesTheClassesThatDeclaredTriggersAndWeaveAttributesName() {
        assertThat(Weaving.status(Counter.class)).isEqualTo(Weaving.Status.WOVEN);
        assertThat(Weaving.status(Wanted.class)).isEqualTo(Weaving.Status.WOVEN);
        assertThat(Weaving.status(Unwanted.class)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
    }

    @Test
    void aDeclaredTriggerFiresOnTheClassItNamed() {
        Counter counter = new Counter();
        try (Hub hub = Hub.open()) {
            hub.spawnAll(new DeclaredGroutines());
            assertThat(counter.increment()).isEqualTo(42);
            assertThat(counter.increment()).as("the groutine ran once; the original runs again").isEqualTo(1);
        }
    }

    @Test
    void aClassNamedInTheWeaveAttributeCanBeAwaitedByCode() {
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(Wanted.class, "name").await(Phase.ENTER).replaceResult("patched"));
            assertThat(new Wanted().name()).isEqualTo("patched");
        }
    }
}
