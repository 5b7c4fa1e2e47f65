package io.groutines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way locks are checked is the one this JVM's launch asks for and allows — each failsafe execution of this module
 * names the one it expects ({@code groutines.lock-check.expected}) — and a way that failed by itself is reported once.
 */
class LockCheckIT {

    @Test
    void theWayInForceIsTheOneExpectedAndShownEverywhere() {
        String expected = System.getProperty("groutines.lock-check.expected", LockCheck.Mode.FAST_COUNT.label());
        LockCheck check = LockCheck.inForce();
        assertThat(check.mode().label()).isEqualTo(expected);
        assertThat(Hub.statistics().lockCheck()).isSameAs(check);
        assertThat(check.toString()).startsWith(expected + " (");
    }

    @Test
    void partsMissingAreNamedInTheReasonAndReportedOnce() {
        String missing = System.getProperty(LockSafety.SIMULATE_MISSING_PROPERTY, "");
        if (missing.isBlank()) {
            assertThat(LockSafety.WARNING).as("nothing fell back, nothing to report").isNull();
            return;
        }
        assertThat(LockCheck.inForce().reason()).contains("simulated");
        assertThat(LockSafety.WARNING).isNotNull().contains("Locks are checked by " + LockCheck.inForce().mode().label());
    }
}
