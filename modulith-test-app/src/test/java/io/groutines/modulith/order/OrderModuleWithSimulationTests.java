package io.groutines.modulith.order;

import io.groutines.Hub;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.spawn.GroutineSpawner;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order module's test with the simulation module included: the simulation's groutines run. Spring Modulith
 * verifies the modules first (verifyAutomatically), which passes because the groutines are not module code.
 */
@ApplicationModuleTest(extraIncludes = "simulation")
@TestPropertySource(properties = "groutines.enabled=true")
class OrderModuleWithSimulationTests {

    private final OrderService orders;

    private final GroutineSpawner groutines;

    OrderModuleWithSimulationTests(OrderService orders, GroutineSpawner groutines) {
        this.orders = orders;
        this.groutines = groutines;
    }

    @Test
    void theSimulationsGroutineFires() {
        assertThat(this.groutines.catalog().entries()).extracting(GroutinesCatalog.Entry::name)
                .containsExactly("discount");
        try (Hub hub = this.groutines.open("order test")) {
            assertThat(this.orders.place("tea")).isEqualTo("tea for 150");
        }
        assertThat(this.orders.place("tea")).isEqualTo("tea for 300");
    }
}
