package io.groutines.boot.guard;

import java.util.List;

import io.groutines.boot.diagnostics.GroutinesInProductionAnalysis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Packaged and a production profile: refused, unless overridden. Either alone: allowed.
 */
class ProductionGuardTests {

    private static final List<String> PROFILES = List.of("prod", "production", "live");

    @Test
    void aPackagedApplicationWithAProductionProfileIsRefused() {
        assertThatThrownBy(() -> new ProductionGuard(PROFILES, false, () -> true).check("default", "PROD"))
                .isInstanceOf(GroutinesInProductionException.class)
                .extracting(e -> ((GroutinesInProductionException) e).productionProfiles())
                .isEqualTo(List.of("PROD"));
    }

    @Test
    void eitherAloneIsAllowed() {
        assertThatNoException().isThrownBy(() -> new ProductionGuard(PROFILES, false, () -> false).check("prod"));
        assertThatNoException().isThrownBy(() -> new ProductionGuard(PROFILES, false, () -> true).check("dev"));
    }

    @Test
    void theOverrideAllowsIt() {
        assertThatNoException().isThrownBy(() -> new ProductionGuard(PROFILES, true, () -> true).check("live"));
    }

    @Test
    void testsAndIdeRunsAreNotPackaged() {
        assertThat(ApplicationPackaging.deduce().isPackaged()).isFalse();
    }

    @Test
    void theApplicationRefusesToStartAndTheAnalyzerExplainsWhy() {
        Throwable failure = catchThrowable(() -> run("--spring.profiles.active=live").close());
        assertThat(failure).isInstanceOf(GroutinesInProductionException.class);
        FailureAnalysis analysis = GroutinesInProductionAnalysis.analyze(failure);
        assertThat(analysis.getDescription()).contains("packaged application").contains("[live]");
        assertThat(analysis.getAction()).contains("groutines.allow-in-production=true")
                .contains("groutines.production-profiles");
    }

    @Test
    void theApplicationStartsWithTheOverrideOrOtherProductionProfiles() {
        run("--spring.profiles.active=live", "--groutines.allow-in-production=true").close();
        run("--spring.profiles.active=live", "--groutines.production-profiles=prd").close();
    }

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(PackagedConfig.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 3];
        all[0] = "--groutines.enabled=true";
        all[1] = "--spring.main.banner-mode=off";
        all[2] = "--groutines.scan-packages=io.groutines.boot.none";
        System.arraycopy(args, 0, all, 3, args.length);
        return application.run(all);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PackagedConfig {

        /** As if launched with java -jar. */
        @Bean
        static ApplicationPackaging packaged() {
            return () -> true;
        }
    }
}
