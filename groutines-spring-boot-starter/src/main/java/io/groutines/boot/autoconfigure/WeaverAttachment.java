package io.groutines.boot.autoconfigure;

import io.groutines.boot.discovery.DiscoveredGroutines;
import io.groutines.boot.discovery.GroutinesScanner;
import io.groutines.boot.guard.ApplicationPackaging;
import io.groutines.boot.guard.ProductionGuard;
import io.groutines.weaving.Agent;
import io.groutines.weaving.WeaveScope;
import io.groutines.weaving.Weaving;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a weaver runs, as early as Spring Boot lets an application hook in: right after the configuration
 * files are read, before any bean class is loaded. With {@code -javaagent} the weaver runs already and its scope
 * came from the agent's own scan; without it, the runtime attaches itself here, with {@code groutines.weave.*} and
 * the classes that the active groutines' triggers and {@code weave} attributes name (found in the scan packages, or
 * the main class's package). Classes Spring Boot loaded before this point (such as {@code DispatcherServlet} and
 * {@code ResponseEntity}) stay unwoven: the declared targets among them are named in a warning here and refused
 * when the groutines are checked.
 */
final class WeaverAttachment implements EnvironmentPostProcessor, Ordered {

    private final Log logger;

    /**
     * @param logFactory Spring Boot's logs for this early phase, written once logging is set up
     */
    WeaverAttachment(DeferredLogFactory logFactory) {
        this.logger = logFactory.getLog(WeaverAttachment.class);
    }

    @Override
    public int getOrder() {
        // after the configuration files (ConfigDataEnvironmentPostProcessor) have been read
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"true".equalsIgnoreCase(environment.getProperty("groutines.enabled"))) {
            return;
        }
        GroutinesProperties properties = Binder.get(environment)
                .bind(GroutinesProperties.PREFIX, GroutinesProperties.class)
                .orElseGet(GroutinesProperties::new);
        if (Weaving.isStarted() || !properties.getWeave().isAttach()) {
            return; // reported when the groutines are registered
        }
        try {
            new ProductionGuard(properties.getProductionProfiles(), properties.isAllowInProduction(),
                    ApplicationPackaging.deduce()).check(environment.getActiveProfiles());
        }
        catch (RuntimeException refused) {
            return; // the registrar refuses the start with the full report; nothing is attached meanwhile
        }
        List<String> packages = new ArrayList<>(properties.getScanPackages());
        if (packages.isEmpty() && application.getMainApplicationClass() != null) {
            packages.add(application.getMainApplicationClass().getPackageName());
        }
        ensureWeaving(properties, new GroutinesScanner(application.getClassLoader()).scan(packages, properties::isActive),
                this.logger);
    }

    /**
     * Attaches the weaver unless one runs or attaching is switched off, and says what happened.
     * @param properties the groutines configuration
     * @param found the groutine classes on the class path
     * @param logger where to say it
     */
    static void ensureWeaving(GroutinesProperties properties, List<DiscoveredGroutines> found, Log logger) {
        if (Weaving.isStarted()) {
            logger.info("Groutines: calls are woven, scope " + WeaveScope.entries());
            return;
        }
        if (!properties.getWeave().isAttach()) {
            logger.warn("Groutines: the JVM was started without the groutines agent and groutines.weave.attach=false: "
                    + "no call of a method will reach a groutine (events still do)");
            return;
        }
        WeaveScope.include(properties.getWeave().getInclude().toArray(String[]::new));
        WeaveScope.exclude(properties.getWeave().getExclude().toArray(String[]::new));
        for (DiscoveredGroutines groutines : found) {
            if (groutines.active()) {
                WeaveScope.includeTargets(groutines.callTargets());
                WeaveScope.include(groutines.weave().toArray(String[]::new));
            }
        }
        List<String> tooLate = Agent.attach();
        if (tooLate.isEmpty()) {
            logger.info("Groutines: attached the weaver at startup, scope " + WeaveScope.entries());
        }
        else {
            logger.warn("Groutines: attached the weaver at startup, but the classes of these declared targets were "
                    + "loaded before it and are not woven, so they cannot fire: " + tooLate + ". Start the JVM with "
                    + "-javaagent:groutines-runtime-<version>-agent.jar to reach them.");
        }
    }
}
