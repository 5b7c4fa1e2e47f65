package io.groutines.modulith;

import io.groutines.boot.modulith.GroutineTypes;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModulesFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's architecture check with groutines in a module: {@code DiscountGroutines}, in {@code simulation},
 * names the order module's internal {@code Item}. Groutines are development tooling, not module code.
 */
class ModularityTests {

    @Test
    void theGroutinesAreNotCountedAsTheirModulesDependencies() {
        ApplicationModules.of(ShopApplication.class, GroutineTypes.ignored()).verify();
    }

    @Test
    void withoutTheOneLinerTheyWouldBe() {
        // what the one-liner is for: counted as module code, the groutines break the module rules
        assertThat(ApplicationModules.of(ShopApplication.class).detectViolations().getMessage())
                .contains("Module 'simulation' depends on non-exposed type "
                        + "io.groutines.modulith.order.internal.Item within module 'order'");
    }

    @Test
    void whereSpringModulithBuildsTheModulesItselfTheyAreLeftOutToo() {
        // @ApplicationModuleTest and Spring Modulith's runtime support use the first factory of spring.factories
        ApplicationModulesFactory factory = SpringFactoriesLoader
                .loadFactories(ApplicationModulesFactory.class, getClass().getClassLoader()).get(0);
        assertThat(factory).isInstanceOf(GroutineTypes.Factory.class);
        ApplicationModules modules = factory.of(ShopApplication.class);
        modules.verify();
        assertThat(modules.getModuleByName("simulation").orElseThrow()
                .contains("io.groutines.modulith.simulation.DiscountGroutines")).isFalse();
    }
}
