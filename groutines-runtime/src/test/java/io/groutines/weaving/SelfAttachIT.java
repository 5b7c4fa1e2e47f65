package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.TargetException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JVM started without {@code -javaagent} and without {@code --add-exports}: the agent attaches itself, opens
 * continuations, weaves what is loaded afterwards and reports the declared target it came too late for.
 */
class SelfAttachIT {

    private static final String EARLY = "io.groutines.weaving.early.Early.get";

    private static final String LATE = "io.groutines.weaving.early.Late.get";

    private static List<String> tooLate;

    private static WeaveScope scope;

    @BeforeAll
    static void attach() throws ClassNotFoundException {
        Class.forName("io.groutines.weaving.early.Early"); // loaded before the weaver: never woven
        scope = WeaveScope.empty().withTargets(List.of(EARLY, LATE));
        tooLate = Agent.attach(scope);
    }

    @Test
    void attachReportsTheDeclaredTargetsLoadedBeforeIt() {
        assertThat(Weaving.mode()).isEqualTo(Weaving.Mode.SELF_ATTACH).hasToString("self-attach");
        assertThat(tooLate).containsExactly(EARLY);
        assertThat(Agent.attach(scope)).containsExactly(EARLY); // a second attach changes nothing
    }

    @Test
    void onHotSpotOnLinuxTheJvmIsAttachedFromItsOwnProcess() throws ReflectiveOperationException {
        // the class of the jar SelfAttach loads as the agent, not a helper JVM's
        assertThat(Class.forName(SelfAttach.HANDOFF_CLASS, false, ClassLoader.getSystemClassLoader()).getField("instrumentation"))
                .isNotNull();
        assertThat(ProcessHandle.current().children()).isEmpty();
    }

    @Test
    void aClassLoadedAfterwardsIsWoven() throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Supplier<String> late = (Supplier<String>) Class.forName("io.groutines.weaving.early.Late")
                .getConstructor().newInstance();
        assertThat(Weaving.status(late.getClass())).isEqualTo(Weaving.Status.WOVEN);
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(LATE).await(Phase.EXIT).replaceResult("intercepted"));
            assertThat(late.get()).isEqualTo("intercepted");
        }
    }

    @Test
    void aTargetLoadedBeforeTheWeaverFailsWhenNamed() {
        assertThatThrownBy(() -> FunctionCall.of(EARLY))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("target " + EARLY)
                .hasMessageContaining("io.groutines.weaving.early.Early was loaded by the system class loader (the "
                        + "class path) before the weaver was attached to the running JVM (it was started without "
                        + "-javaagent)")
                .hasMessageContaining("Fix: start the JVM with -javaagent:");
    }
}
