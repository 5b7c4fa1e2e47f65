package io.groutines.boot.diagnostics;

import io.groutines.boot.discovery.GroutineDeclarationException;
import io.groutines.boot.discovery.GroutinesCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A groutine naming a method that does not exist stops the application with a report naming class, method, target
 * and fix — or, with {@code fail-on-target-error=false}, is skipped with a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class GroutineDeclarationFailureTests {

    @Test
    void aWrongTargetStopsTheApplicationWithAReport() {
        Throwable failure = catchThrowable(() -> run("--groutines.scan-packages=io.groutines.boot.bad").close());
        assertThat(failure).hasRootCauseInstanceOf(io.groutines.TargetException.class);
        FailureAnalysis analysis = new GroutineDeclarationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("Class:   io.groutines.boot.bad.BadTargetGroutines")
                .contains("Method:  onGreet")
                .contains("Target:  io.groutines.boot.app.Greeter.greeet")
                .contains("Problem: No method greeet in io.groutines.boot.app.Greeter");
        assertThat(analysis.getAction()).contains("did you mean io.groutines.boot.app.Greeter.greet?")
                .contains("groutines.fail-on-target-error=false").doesNotContain("?.");
        assertThat(analysis.getCause()).isInstanceOf(GroutineDeclarationException.class);
    }

    @Test
    void aWrongTriggerStopsTheApplicationBeforeTheContextRefreshes(CapturedOutput output) {
        Expensive.made.set(0);
        SpringApplication application = new SpringApplication(Config.class, Expensive.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> application.run("--groutines.enabled=true",
                "--spring.main.banner-mode=off", "--groutines.scan-packages=io.groutines.boot.bad").close());
        // raised while the environment was prepared: not wrapped in a bean's creation, no bean made
        assertThat(failure).isInstanceOf(GroutineDeclarationException.class)
                .hasStackTraceContaining("GroutinesEnvironmentPostProcessor");
        assertThat(Expensive.made).as("beans made, a DataSource or JPA's among them").hasValue(0);
        // the same report as ever
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("A groutine cannot listen to what its trigger names")
                .contains("Class:   io.groutines.boot.bad.BadTargetGroutines")
                .contains("Target:  io.groutines.boot.app.Greeter.greeet")
                .contains("did you mean io.groutines.boot.app.Greeter.greet?");
    }

    /** Stands for what an application makes while its context refreshes: a pool, an entity manager factory. */
    static class Expensive {

        static final java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();

        Expensive() {
            made.incrementAndGet();
        }
    }

    @Test
    void aResultThatCannotReplaceTheCallsStopsTheApplicationWithAReport() {
        Throwable failure = catchThrowable(() -> run("--groutines.scan-packages=io.groutines.boot.badresult").close());
        FailureAnalysis analysis = new GroutineDeclarationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("Class:   io.groutines.boot.badresult.LengthGroutines")
                .contains("Method:  length")
                .contains("Target:  io.groutines.boot.app.Greeter.greet")
                .contains("Problem: It returns java.lang.Integer, but the callable returns java.lang.String");
        assertThat(analysis.getAction()).contains("Fix: return java.lang.String (or a type whose values can be one, "
                + "such as Object), or void to only observe.");
    }

    @Test
    void twoClassesOfOneNameStopTheApplicationNamingBoth() {
        Throwable failure = catchThrowable(() -> run("--groutines.scan-packages=io.groutines.boot.twins").close());
        FailureAnalysis analysis = new GroutineDeclarationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("A @Groutines class cannot run as declared")
                .containsPattern("Class: +io\\.groutines\\.boot\\.twins\\.(First|Second)Twin")
                .contains("is the name of io.groutines.boot.twins.")
                .contains("FirstTwin").contains("SecondTwin").doesNotContain("Target:");
        assertThat(analysis.getAction()).contains("give one of the two classes another name")
                .doesNotContain("fail-on-target-error");
        // not a trigger's error: skipping a class would leave the other one running under the shared name
        Throwable lenient = catchThrowable(() -> run("--groutines.scan-packages=io.groutines.boot.twins",
                "--groutines.fail-on-target-error=false", "--groutines.active=TWIN").close());
        assertThat(lenient).hasRootCauseInstanceOf(GroutineDeclarationException.class);
    }

    @Test
    void aWrongTargetInAWebApplicationIsReportedOnceNotAsAFailedServerStart(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Config.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        Throwable failure = catchThrowable(() -> application.run("--groutines.enabled=true",
                "--spring.main.banner-mode=off", "--server.port=0", "--groutines.scan-packages=io.groutines.boot.bad")
                .close());
        assertThat(failure).hasRootCauseInstanceOf(io.groutines.TargetException.class);
        assertThat(output).contains("io.groutines.boot.app.Greeter.greeet")
                .doesNotContain("Error starting Tomcat context").doesNotContain("Unable to start web server");
    }

    @Test
    void withFailOnTargetErrorFalseTheWholeClassIsSkippedWithAWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run("--groutines.scan-packages=io.groutines.boot.bad",
                "--groutines.fail-on-target-error=false")) {
            GroutinesCatalog catalog = context.getBean(GroutinesCatalog.class);
            assertThat(catalog.entries()).isEmpty();
            assertThat(catalog.skipped()).singleElement().extracting(GroutineDeclarationException::method)
                    .isEqualTo("onGreet");
        }
        assertThat(output).contains("WARN").contains("Groutines class 'bad' SKIPPED")
                .contains("io.groutines.boot.app.Greeter.greeet");
    }

    @Test
    void aSwitchedOffClassIsNotCheckedNorRegistered(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run("--groutines.scan-packages=io.groutines.boot.bad",
                "--groutines.active=other")) {
            assertThat(context.getBean(GroutinesCatalog.class).entries()).isEmpty();
            assertThat(context.containsBean("io.groutines.boot.bad.BadTargetGroutines")).isFalse();
        }
        // a name in groutines.active that matches no class is a typo until shown otherwise
        assertThat(output).contains("groutines.active names [other], which match no @Groutines class found in "
                + "[io.groutines.boot.bad]; the classes found are [bad]");
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(Config.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 2];
        all[0] = "--groutines.enabled=true";
        all[1] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 2, args.length);
        return application.run(all);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {
    }
}
