package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.TargetException;
import io.groutines.weaving.sample.Greeter;
import io.groutines.weaving.unscoped.Plain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Targets whose calls cannot reach groutines fail when they are named, with the fix in the message. */
class TargetErrorsIT {

    @Test
    void aClassOutsideTheWeaveScope() {
        assertThatThrownBy(() -> FunctionCall.of(Plain.class, "run"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("io.groutines.weaving.unscoped.Plain.run")
                .hasMessageContaining("is outside the weave scope (").hasMessageContaining("io.groutines.weaving.sample..*, org.apache.commons.lang3.StringUtils")
                .hasMessageContaining("-Dgroutines.weave.include=io.groutines.weaving.unscoped.Plain");
    }

    @Test
    void anExcludedClassNamesTheEntryThatExcludesIt() {
        assertThatThrownBy(() -> FunctionCall.of(io.groutines.weaving.sample.excluded.Hidden.class, "show"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("io.groutines.weaving.sample.excluded.Hidden is excluded from weaving by "
                        + "io.groutines.weaving.sample.excluded..* (groutines.weave.exclude)")
                .hasMessageContaining("narrow or remove that entry")
                .hasMessageNotContaining("-Dgroutines.weave.include");
    }

    @Test
    void aJdkClass() {
        assertThatThrownBy(() -> FunctionCall.of("java.lang.String.trim"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("java.lang.String belongs to the JDK")
                .hasMessageContaining("target the application or library method that calls it");
    }

    @Test
    void aMethodInheritedFromTheJdk() {
        assertThatThrownBy(() -> FunctionCall.of(new Greeter(), "hashCode"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("java.lang.Object belongs to the JDK");
    }

    @Test
    void theCheckForDeclaredTriggers() {
        assertThatThrownBy(() -> FunctionCall.of("io.groutines.weaving.unscoped.Plain.run", getClass().getClassLoader()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("outside the weave scope");
        FunctionCall.of("io.groutines.weaving.sample.Greeter.greet", getClass().getClassLoader());
    }

    @Test
    void resolutionErrorsStillComeFirst() {
        assertThatThrownBy(() -> FunctionCall.of(Greeter.class, "gret"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("did you mean io.groutines.weaving.sample.Greeter.greet");
    }
}
