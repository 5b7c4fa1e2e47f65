package io.groutines.demo.groutines;

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lost update of {@link LostUpdateRace}, against the racy version ({@code demo.optimistic-locking=false}: the
 * version check skipped, as if the snippet had no {@code @Version}): both updates answer 200, and B's save — the
 * snippet as B read it, with B's change — undoes A's change. Every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "demo.optimistic-locking=false",
        "spring.datasource.url=jdbc:h2:mem:lost-update-racy;DB_CLOSE_DELAY=-1" })
class LostUpdateWithoutVersionTest extends LostUpdateRace {

    @RepeatedTest(10)
    void theUpdateComputedFromAStaleReadUndoesTheOtherChange() throws Exception {
        Outcome outcome = race();
        assertEachReadBeforeTheOtherWrote(outcome.steps());
        assertThat(outcome.a().status()).as("A: %s", outcome.a()).isEqualTo(200);
        assertThat(outcome.a().json().get("title").asString()).isEqualTo("A's title");
        assertThat(outcome.b().status()).as("B: %s", outcome.b()).isEqualTo(200);
        assertThat(outcome.after().json().get("code").asString()).as("B's change").isEqualTo("print('B')");
        assertThat(outcome.after().json().get("title").asString()).as("A's change, lost").isEqualTo("original title");
    }
}
