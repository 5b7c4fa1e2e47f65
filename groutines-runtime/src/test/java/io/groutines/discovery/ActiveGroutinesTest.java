package io.groutines.discovery;

import io.groutines.weaving.WeaveScope;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule the agent and the starter share: which {@code @Groutines} classes run, and what they need woven. */
class ActiveGroutinesTest {

    private final GroutineClass fillUser = new GroutineClass("com.example.FillUser", "fill_user",
            List.of("com.example.View.preSave"), List.of("com.example.views..*"));

    private final GroutineClass audit = new GroutineClass("com.example.Audit", "Audit",
            List.of("com.example.Ledger.post(long)"), List.of());

    @Test
    void noActiveNamesMeansEveryClassRuns() {
        ActiveGroutines groutines = ActiveGroutines.of(List.of(fillUser, audit), List.of(" ", ""));
        assertThat(groutines.active()).containsExactly(fillUser, audit);
        assertThat(groutines.inactive()).isEmpty();
        assertThat(groutines.unmatchedNames()).isEmpty();
    }

    @Test
    void namesMatchIgnoringCaseAndSpacesAndTheOthersAreUnmatched() {
        ActiveGroutines groutines = ActiveGroutines.of(List.of(fillUser, audit), List.of(" FILL_USER ", "audti"));
        assertThat(groutines.active()).containsExactly(fillUser);
        assertThat(groutines.inactive()).containsExactly(audit);
        assertThat(groutines.isActive("Fill_User")).isTrue();
        assertThat(groutines.unmatchedNames()).containsExactly("audti");
    }

    @Test
    void theWeaveScopeTakesTheActiveClassesTriggersAndWeaveEntries() {
        ActiveGroutines groutines = ActiveGroutines.of(List.of(fillUser, audit), List.of("fill_user"));
        WeaveScope scope = WeaveScope.empty().withGroutines(groutines.active());
        assertThat(scope.contains("com.example.View")).isTrue();
        assertThat(scope.contains("com.example.views.SnippetList")).isTrue();
        assertThat(scope.contains("com.example.Ledger")).as("switched off").isFalse();
        assertThat(scope.targets()).containsExactly("com.example.View.preSave");
    }

    @Test
    void aClassIsNamedByItsAnnotationOrElseItsSimpleName() {
        assertThat(GroutineClass.nameOf("fill_user", "FillUser")).isEqualTo("fill_user");
        assertThat(GroutineClass.nameOf(" ", "FillUser")).isEqualTo("FillUser");
        assertThat(GroutineClass.nameOf(null, "FillUser")).isEqualTo("FillUser");
        assertThat(GroutineClass.nameOf(Named.class)).isEqualTo("named_one");
        assertThat(GroutineClass.nameOf(Unnamed.class)).isEqualTo("Unnamed");
    }

    @io.groutines.Groutines("named_one")
    static final class Named {
    }

    @io.groutines.Groutines
    static final class Unnamed {
    }
}
