package io.groutines.modulith.order;

import io.groutines.boot.discovery.GroutinesCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order module alone: Spring Modulith bootstraps the order module's beans only and removes the bean of the
 * simulation's groutines. They do not run, and the startup line says exactly why and what to do.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "groutines.enabled=true")
class OrderModuleAloneTests {

    private final GroutinesCatalog catalog;

    private final OrderService orders;

    OrderModuleAloneTests(GroutinesCatalog catalog, OrderService orders) {
        this.catalog = catalog;
        this.orders = orders;
    }

    @Test
    void theGroutinesLeftOutAreNamedWithTheReason() {
        assertThat(this.catalog.entries()).isEmpty();
        assertThat(this.catalog.absent()).singleElement().satisfies(absent -> {
            assertThat(absent.className()).isEqualTo("io.groutines.modulith.simulation.DiscountGroutines");
            assertThat(absent.reason()).contains("Spring Modulith's @ApplicationModuleTest for module 'order' "
                    + "bootstraps the beans of [io.groutines.modulith.order] only and removed its bean, which belongs "
                    + "to module 'simulation'")
                    .contains("@ApplicationModuleTest(extraIncludes = \"simulation\")");
        });
        // the startup line: "Active groutines: none (not running: discount (...): Spring Modulith's ...)"
        assertThat(this.catalog.describe()).startsWith("none (not running: discount "
                + "(io.groutines.modulith.simulation.DiscountGroutines): Spring Modulith's @ApplicationModuleTest");
        assertThat(this.orders.place("tea")).isEqualTo("tea for 300");
    }
}
