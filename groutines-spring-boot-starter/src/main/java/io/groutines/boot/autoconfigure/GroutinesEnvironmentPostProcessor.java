package io.groutines.boot.autoconfigure;

import java.util.List;

import io.groutines.RequiredJdk;
import io.groutines.boot.guard.Enablement;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the {@link GroutinesStartup} decisions as early as Spring Boot lets an application hook in — right after the
 * configuration files are read, before any bean class is loaded — and hands them to the application context through
 * the bootstrap context. Early, because the weaver must know what to weave before the classes it weaves load.
 *
 * <p>Spring Boot runs it in any application that contains the starter, on any JDK: it reads {@link Enablement}
 * before anything else, and on a JDK older than groutines need it refuses them when they are on and does nothing
 * when they are off.
 */
final class GroutinesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log logger;

    private final ConfigurableBootstrapContext bootstrapContext;

    /**
     * @param logFactory Spring Boot's logs for this early phase, written once logging is set up
     * @param bootstrapContext where the decisions wait for the application context
     */
    GroutinesEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
        this.logger = logFactory.getLog(GroutinesStartup.class);
        this.bootstrapContext = bootstrapContext;
    }

    @Override
    public int getOrder() {
        // after the configuration files (ConfigDataEnvironmentPostProcessor) have been read
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // first, and alone on a JDK older than groutines need: GroutinesStartup and the runtime are Java 25's classes
        Enablement enablement = Enablement.deduce(environment);
        if (!RequiredJdk.isMet()) {
            return; // off on such a JDK: no weaver runs, nothing to decide, and the conditions say off
        }
        Class<?> configuration = configuration(application);
        GroutinesStartup startup = GroutinesStartup.prepare(environment, enablement, application.getClassLoader(),
                application.getMainApplicationClass() != null ? application.getMainApplicationClass() : configuration,
                configuration != null ? List.of(configuration.getPackageName()) : List.of(), this.logger);
        this.bootstrapContext.addCloseListener(event -> {
            if (!event.getApplicationContext().getBeanFactory().containsSingleton(GroutinesStartup.BEAN_NAME)) {
                event.getApplicationContext().getBeanFactory().registerSingleton(GroutinesStartup.BEAN_NAME, startup);
            }
        });
    }

    /**
     * The {@code @SpringBootApplication} (or other {@code @SpringBootConfiguration}) class among the sources, whose
     * package is the application's — in a test, the main application class is the test class — else the main class.
     */
    private static Class<?> configuration(SpringApplication application) {
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type
                    && AnnotatedElementUtils.hasAnnotation(type, SpringBootConfiguration.class)) {
                return type;
            }
        }
        return application.getMainApplicationClass();
    }
}
