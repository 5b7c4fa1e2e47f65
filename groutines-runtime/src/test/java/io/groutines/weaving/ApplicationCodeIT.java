package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.application.Controller;
import io.groutines.weaving.application.Discovered;
import io.groutines.weaving.application.Invoice;

import org.apache.commons.lang3.ArrayUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent started with no argument, as users start it, in a test JVM: the application's own classes — this
 * module's test classes, found in {@code target/test-classes} — are woven from the first class on without being
 * named, whoever loads them first. Libraries stay out unless named.
 */
@Discovered(Controller.class)
class ApplicationCodeIT {

    @Test
    void applicationClassesAreWovenWithoutBeingNamed() {
        assertThat(Weaving.scope().applicationClasses()).contains(Invoice.class.getName(), Controller.class.getName());
        assertThat(Weaving.scope().toString()).contains("the application's own classes").contains("test-classes");
        assertThat(Weaving.status(Invoice.class)).isEqualTo(Weaving.Status.WOVEN);
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(Invoice.class, "total").await(Phase.EXIT).replaceResult(42));
            assertThat(new Invoice(5).total()).isEqualTo(42);
        }
    }

    @Test
    void aClassTheTestFrameworkLoadedBeforeAnyTestRanReachesGroutines() {
        assertThat(Weaving.status(Controller.class)).isEqualTo(Weaving.Status.WOVEN);
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(Controller.class, "show").await(Phase.ENTER).setArg(0, "7"));
            assertThat(new Controller().show("1")).isEqualTo("shown 7");
        }
    }

    @Test
    void librariesAndGroutinesOwnClassesAreNotTheApplications() {
        assertThat(Weaving.status(ArrayUtils.class)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
        assertThat(Weaving.status(Hub.class)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
        assertThat(Weaving.scope().applicationClasses()).noneMatch(name -> name.startsWith("org.apache.commons."));
    }
}
