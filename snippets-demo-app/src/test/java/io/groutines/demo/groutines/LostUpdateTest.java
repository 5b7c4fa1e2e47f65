package io.groutines.demo.groutines;

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lost update of {@link LostUpdateRace}, against the demo as it is: the snippet has a {@code @Version}, so B's
 * save — computed from a read that A's save made stale — is refused with 409, and A's change stays. Run it with
 * {@code -Ddemo.optimistic-locking=false} (the racy version) and it fails every time: B's save then undoes A's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "spring.datasource.url=jdbc:h2:mem:lost-update-fixed;DB_CLOSE_DELAY=-1" })
class LostUpdateTest extends LostUpdateRace {

    @RepeatedTest(10)
    void theUpdateComputedFromAStaleReadIsRefusedAndTheOtherChangeStays() throws Exception {
        Outcome outcome = race();
        assertEachReadBeforeTheOtherWrote(outcome.steps());
        assertThat(outcome.a().status()).as("A: %s", outcome.a()).isEqualTo(200);
        assertThat(outcome.b().status()).as("B: %s", outcome.b()).isEqualTo(409);
        assertThat(outcome.b().json().get("detail").asString())
                .isEqualTo("The object was changed by another request since this one read it. Read it again and retry.");
        assertThat(outcome.after().json().get("title").asString()).as("A's change").isEqualTo("A's title");
        assertThat(outcome.after().json().get("code").asString()).as("B's change, refused").isEqualTo("print(1)");
    }
}
