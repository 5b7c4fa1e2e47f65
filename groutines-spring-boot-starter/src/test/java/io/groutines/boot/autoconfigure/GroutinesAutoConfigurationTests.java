package io.groutines.boot.autoconfigure;

import java.util.List;

import io.groutines.Event;
import io.groutines.Hub;
import io.groutines.TargetException;
import io.groutines.weaving.WeaveScope;
import io.groutines.weaving.Weaving;
import io.groutines.boot.actuate.GroutinesEndpoint;
import io.groutines.boot.app.Greeter;
import io.groutines.boot.app.Recorder;
import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutineDeclarationException;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.spawn.CallSites;
import io.groutines.boot.spawn.GroutineSpawner;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.boot.spawn.Watchdog;
import io.groutines.boot.web.GroutinesFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration contributes, on and off.
 */
@ExtendWith(OutputCaptureExtension.class)
class GroutinesAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GroutinesAutoConfiguration.class,
                    GroutinesWebAutoConfiguration.class, GroutinesEndpointAutoConfiguration.class,
                    EndpointAutoConfiguration.class))
            .withBean(Recorder.class)
            .withPropertyValues("groutines.scan-packages=io.groutines.boot.app");

    @Test
    void offByDefaultItContributesNothingThatRuns() {
        this.runner.run(context -> assertNothing(context));
    }

    @Test
    void offWhenDisabledExplicitly() {
        this.runner.withPropertyValues("groutines.enabled=false").run(context -> assertNothing(context));
    }

    private static void assertNothing(org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeanNamesForType(GroutinesBeanRegistrar.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Discovery.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GroutinesCatalog.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GroutineSpawner.class)).isEmpty();
        assertThat(context.getBeanNamesForType(LiveHubs.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GroutinesFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(FilterRegistrationBean.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GroutinesEndpoint.class)).isEmpty();
        assertThat(context.getBeanNamesForAnnotation(io.groutines.Groutines.class)).isEmpty();
    }

    @Test
    void onYesAnd1SwitchGroutinesOnAsSpringBootBindsABoolean(CapturedOutput output) {
        for (String on : List.of("on", "yes", "1", "TRUE", "On")) {
            this.runner.withPropertyValues("groutines.enabled=" + on).run(context -> {
                assertThat(context).as(on).hasNotFailed().hasSingleBean(GroutinesFilter.class);
                assertThat(context.getBean(GroutinesCatalog.class).entries()).as(on).hasSize(1);
            });
        }
        assertThat(output).contains("GROUTINES ARE ENABLED");
    }

    @Test
    void offNoAnd0SwitchThemOff() {
        for (String off : List.of("off", "no", "0", "FALSE", "")) {
            this.runner.withPropertyValues("groutines.enabled=" + off).run(context -> assertNothing(context));
        }
    }

    @Test
    void aValueSpringBootCannotReadAsABooleanFailsTheContext() {
        this.runner.withPropertyValues("groutines.enabled=maybe").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("groutines.enabled").hasStackTraceContaining("maybe"));
    }

    @Test
    void aWatchdogThresholdOfZeroOrLessIsRefusedAtBinding() {
        for (String threshold : List.of("0", "-5s", "0ms")) {
            this.runner.withPropertyValues("groutines.enabled=true", "groutines.watchdog.threshold=" + threshold)
                    .run(context -> assertThat(context).getFailure().as(threshold)
                            .hasRootCauseInstanceOf(BindValidationException.class)
                            .hasStackTraceContaining("groutines.watchdog.threshold")
                            .hasStackTraceContaining("must be greater than zero"));
        }
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.watchdog.threshold=1ms")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Watchdog.class));
    }

    @Test
    void enabledItDiscoversRegistersAndChecksTheGroutinesAndAddsTheFilter() {
        this.runner.withPropertyValues("groutines.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("io.groutines.boot.app.RecordingGroutines");
            assertThat(context.getBean(GroutinesCatalog.class).entries()).singleElement()
                    .satisfies(d -> assertThat(d.name()).isEqualTo("recorder"));
            assertThat(context).hasSingleBean(GroutinesFilter.class);
            // like any endpoint: not there unless exposed
            assertThat(context).doesNotHaveBean(GroutinesEndpoint.class);
            FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
            assertThat(registration.getOrder()).isEqualTo(GroutinesProperties.DEFAULT_FILTER_ORDER);
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
        });
    }

    @Test
    void theEndpointIsThereWhenExposed() {
        this.runner.withPropertyValues("groutines.enabled=true", "management.endpoints.web.exposure.include=groutines")
                .run(context -> assertThat(context).hasSingleBean(GroutinesEndpoint.class));
    }

    @Test
    void theFilterFollowsItsProperties() {
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.filter.url-patterns=/api/*",
                "groutines.filter.order=5").run(context -> {
                    FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
                    assertThat(registration.getOrder()).isEqualTo(5);
                    assertThat(registration.getUrlPatterns()).containsExactly("/api/*");
                });
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.filter.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GroutinesFilter.class)
                        .hasSingleBean(GroutineSpawner.class));
    }

    @Test
    void aClassRunsOnlyWhenActiveListsItOrActiveIsEmpty() {
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.active=other")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("io.groutines.boot.app.RecordingGroutines");
                    assertThat(context.getBean(GroutinesCatalog.class).entries()).isEmpty();
                    assertThat(context.getBean(Discovery.class).inactive()).singleElement()
                            .satisfies(d -> assertThat(d.name()).isEqualTo("recorder"));
                });
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.active=RECORDER")
                .run(context -> assertThat(context.getBean(GroutinesCatalog.class).entries()).hasSize(1));
    }

    @Test
    void theSpawnerRunsTheGroutinesInAHubOfItsOwn() {
        this.runner.withPropertyValues("groutines.enabled=true").run(context -> {
            Recorder recorder = context.getBean(Recorder.class);
            try (Hub hub = context.getBean(GroutineSpawner.class).open("nightly-job")) {
                Event.named("SEEN").fire("job-1");
                assertThat(context.getBean(LiveHubs.class).hubs()).containsExactly(hub);
            }
            assertThat(recorder.of("nightly-job")).extracting(Recorder.Entry::what)
                    .containsExactly("spawned", "seen job-1", "killed");
            assertThat(Hub.current()).isEmpty();
        });
    }

    @Test
    void aCallTriggerOnAWovenClassPassesTheStartupCheck() {
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.scan-packages=io.groutines.boot.woven")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theWeaveScopeHasTheTriggersClassesAndIsReadByTheEndpoint() {
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.scan-packages=io.groutines.boot.woven",
                "management.endpoints.web.exposure.include=groutines").run(context -> {
                    WeaveScope scope = Weaving.scope();
                    assertThat(scope.contains("io.groutines.boot.app.Greeter")).isTrue();
                    assertThat(context.getBean(GroutinesEndpoint.class).groutines().weaveScope().include())
                            .isEqualTo(scope.included());
                });
    }

    @Test
    void theEndpointShowsTheCallSitesThatReachedEachGroutineWhenRecorded() {
        this.runner.withBean(Greeter.class).withPropertyValues("groutines.enabled=true",
                "groutines.scan-packages=io.groutines.boot.woven", "groutines.call-sites.enabled=true",
                "groutines.call-sites.limit=2", "management.endpoints.web.exposure.include=groutines").run(context -> {
                    Greeter greeter = context.getBean(Greeter.class);
                    GroutineSpawner spawner = context.getBean(GroutineSpawner.class);
                    for (int i = 0; i < 2; i++) {
                        try (Hub hub = spawner.open("first-site")) {
                            greetFromTheFirstSite(greeter);
                        }
                    }
                    try (Hub hub = spawner.open("second-site")) {
                        greetFromTheSecondSite(greeter);
                    }
                    try (Hub hub = spawner.open("third-site")) {
                        greetFromTheThirdSite(greeter);
                    }
                    GroutinesEndpoint.TriggerDescriptor onGreet = context.getBean(GroutinesEndpoint.class).groutines()
                            .classes().get(0).groutines().get(0);
                    assertThat(onGreet.method()).isEqualTo("onGreet");
                    // bounded: the two most recent distinct sites, with their counts
                    assertThat(onGreet.callSites()).extracting(CallSites.Site::caller)
                            .satisfiesExactly(site -> assertThat(site).startsWith(getClass().getName()
                                    + ".greetFromTheSecondSite(GroutinesAutoConfigurationTests.java:"),
                                    site -> assertThat(site).contains(".greetFromTheThirdSite("));
                    assertThat(onGreet.callSites()).extracting(CallSites.Site::calls).containsExactly(1L, 1L);
                });
    }

    @Test
    void callSitesAreNotRecordedUnlessSwitchedOn() {
        this.runner.withBean(Greeter.class).withPropertyValues("groutines.enabled=true",
                "groutines.scan-packages=io.groutines.boot.woven", "management.endpoints.web.exposure.include=groutines")
                .run(context -> {
                    try (Hub hub = context.getBean(GroutineSpawner.class).open("job")) {
                        greetFromTheFirstSite(context.getBean(Greeter.class));
                    }
                    assertThat(context.getBean(CallSites.class).isEnabled()).isFalse();
                    assertThat(context.getBean(GroutinesEndpoint.class).groutines().classes().get(0).groutines().get(0)
                            .callSites()).isNull();
                });
    }

    private static void greetFromTheFirstSite(Greeter greeter) {
        greeter.greet("first");
    }

    private static void greetFromTheSecondSite(Greeter greeter) {
        greeter.greet("second");
    }

    private static void greetFromTheThirdSite(Greeter greeter) {
        greeter.greet("third");
    }

    @Test
    void aWrongTargetFailsTheContext() {
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.scan-packages=io.groutines.boot.bad")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(TargetException.class)
                        .satisfies(f -> assertThat(f).hasStackTraceContaining(
                                GroutineDeclarationException.class.getName())));
    }

    @Test
    void theStartupLineNamesTheWeavingMode(CapturedOutput output) {
        this.runner.withPropertyValues("groutines.enabled=true").run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("GROUTINES ARE ENABLED").contains("Weaving: agent (-javaagent");
    }

    @Test
    void theWeavePropertiesTakeEffectUnderTheAgentAndAttachSaysItHasNone(CapturedOutput output) {
        assertThat(Weaving.isStarted()).as("these tests run with the agent, as users' tests do").isTrue();
        this.runner.withPropertyValues("groutines.enabled=true", "groutines.weave.include=com.example.orders..*",
                "groutines.weave.attach=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Weaving.scope().contains("com.example.orders.OrderService")).isTrue();
                });
        assertThat(output).contains("groutines.weave.attach has no effect");
    }

    @Test
    void theStartupLineSaysHowLocksAreChecked(CapturedOutput output) {
        this.runner.withPropertyValues("groutines.enabled=true").run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("GROUTINES ARE ENABLED").contains("Lock check: fast-count (");
    }
}
