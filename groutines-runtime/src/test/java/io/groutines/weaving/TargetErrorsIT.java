package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.TargetException;
import io.groutines.weaving.sample.Greeter;
import io.groutines.weaving.unscoped.Plain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
    void theJdksJavaxClassesAreStillTheJdks() {
        assertThatThrownBy(() -> FunctionCall.of("javax.net.ssl.SSLContext.getDefault"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("javax.net.ssl.SSLContext belongs to the JDK (module java.base)")
                .hasMessageContaining("target the application or library method that calls it");
        assertThatThrownBy(() -> FunctionCall.of("javax.sql.rowset.RowSetProvider.newFactory()"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("javax.sql.rowset.RowSetProvider belongs to the JDK (module java.sql.rowset)");
    }

    @Test
    void aJdkClassOfTheApplicationLoaderInTheScope() throws ClassNotFoundException {
        // jdk.compiler is defined to the application class loader, and the agent's scope names JavacTool: still the JDK's
        Class<?> javacTool = Class.forName("com.sun.tools.javac.api.JavacTool");
        assertThat(javacTool.getClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        assertThat(Weaving.status(javacTool)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
        assertThatThrownBy(() -> FunctionCall.of("com.sun.tools.javac.api.JavacTool.create"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("com.sun.tools.javac.api.JavacTool belongs to the JDK (module jdk.compiler)");
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
