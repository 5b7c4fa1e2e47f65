package io.groutines.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.groutines.Signals;
import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.guard.Enablement;
import io.groutines.boot.guard.Launch;
import io.groutines.boot.guard.ProductionGuard;
import io.groutines.discovery.GroutineClass;
import io.groutines.weaving.Agent;
import io.groutines.weaving.Reach;
import io.groutines.weaving.WeaveScope;
import io.groutines.weaving.Weaving;
import org.apache.commons.logging.Log;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.Validator;

/**
 * Every startup decision of groutines, made once per application, as soon as its configuration is read: the
 * properties bound, how the application was launched and whether the production guard lets groutines run, how long a
 * held call waits for its signal, one scan for {@code @Groutines} classes, and what the weaver weaves — it is told
 * "nothing" when groutines are disabled, and is attached when no {@code -javaagent} runs one. Made by
 * {@link GroutinesEnvironmentPostProcessor} and handed to the application context; made by
 * {@link GroutinesBeanRegistrar} itself where no environment post-processor runs (an {@code ApplicationContextRunner}).
 *
 * @param properties the configuration, bound once
 * @param launch how the application was launched
 * @param discovery what the scan found; {@code null} when groutines are disabled
 * @param tooLate declared targets whose classes were loaded before a self-attached weaver: they cannot fire
 */
record GroutinesStartup(GroutinesProperties properties, Launch launch, Discovery discovery, List<String> tooLate) {

    /** The name under which the startup is registered in the application context. */
    static final String BEAN_NAME = "io.groutines.boot.autoconfigure.GroutinesStartup";

    /** What binding refuses: a value of the right type that cannot work. */
    private static final Validator VALIDATION = Validator.forInstanceOf(GroutinesProperties.Watchdog.class,
            (watchdog, errors) -> {
                Duration threshold = watchdog.getThreshold();
                if (threshold == null || threshold.isZero() || threshold.isNegative()) {
                    errors.rejectValue("threshold", "positive", "must be greater than zero, e.g. 5s (to report no "
                            + "groutine, set groutines.watchdog.enabled=false)");
                }
            });

    /**
     * @param environment the prepared environment
     * @param enablement whether groutines are on ({@link Enablement#deduce}, which has checked the JDK)
     * @param classLoader the application's class loader
     * @param mainClass the application's main class or primary source, {@code null} when not known
     * @param defaultPackages where to look for {@code @Groutines} classes unless {@code groutines.scan-packages} says
     * @param logger where to say what was decided
     * @return the decisions
     * @throws org.springframework.boot.context.properties.bind.BindException when a property cannot be bound or is
     * not valid (a watchdog threshold that is not positive)
     * @throws io.groutines.boot.guard.GroutinesInProductionException when the production guard refuses
     */
    static GroutinesStartup prepare(ConfigurableEnvironment environment, Enablement enablement,
            ClassLoader classLoader, Class<?> mainClass, List<String> defaultPackages, Log logger) {
        GroutinesProperties properties = Binder.get(environment).bind(GroutinesProperties.PREFIX,
                Bindable.of(GroutinesProperties.class), new ValidationBindHandler(VALIDATION))
                .orElseGet(GroutinesProperties::new);
        Launch launch = Launch.deduce(mainClass, Thread.currentThread());
        if (!enablement.enabled()) {
            // a test JVM may start another context with groutines on: only an application run is final
            if (Weaving.isStarted() && launch.kind() != Launch.Kind.TEST) {
                Weaving.decide(false, WeaveScope.empty(), classLoader);
                long woven = Weaving.counts()[0];
                logger.info("Groutines are disabled (" + enablement + "): the groutines agent weaves nothing more ("
                        + (woven == 1 ? "1 class was" : woven + " classes were") + " woven before this decision)");
            }
            return new GroutinesStartup(properties, launch, null, List.of());
        }
        new ProductionGuard(properties.getProductionProfiles(), properties.isAllowInProduction()).check(enablement,
                launch, List.of(environment.getActiveProfiles()), List.of(environment.getDefaultProfiles()));
        Signals.setDefaultTimeout(properties.getHold().getTimeout());
        List<String> packages = properties.getScanPackages().isEmpty() ? defaultPackages : properties.getScanPackages();
        Discovery discovery = Discovery.scan(classLoader, packages, properties.getActive());
        WeaveScope scope = discovery.weaveScope(weaveScope(properties, packages));
        List<String> tooLate = List.of();
        if (Weaving.isStarted()) {
            if (launch.kind() == Launch.Kind.TEST) {
                Weaving.widen(scope, classLoader); // the tests' other contexts may need what this one does not
            }
            else {
                Weaving.decide(true, scope, classLoader);
            }
            if (environment.containsProperty("groutines.weave.attach")) {
                logger.warn("groutines.weave.attach has no effect: the JVM runs the groutines agent (-javaagent), "
                        + "which weaves from the first class on");
            }
        }
        else if (properties.getWeave().isAttach()) {
            tooLate = Agent.attach(scope);
            if (!tooLate.isEmpty()) {
                logger.warn("Groutines attached the weaver at startup, but the classes of these declared targets were "
                        + "loaded before it and are not woven, so they cannot fire: " + tooLate + ". Start the JVM "
                        + "with -javaagent:groutines-runtime-<version>-agent.jar to reach them.");
            }
        }
        if (properties.isFailOnTargetError()) {
            checkTriggers(discovery, classLoader);
        }
        return new GroutinesStartup(properties, launch, discovery, tooLate);
    }

    /**
     * Before the context refreshes, once the weaver knows what to weave: resolves the triggers of the active classes
     * (loading them and their targets, initializing none), so that a trigger naming nothing stops the application
     * before any bean is made. Whether a resolved target's calls can reach groutines depends on the proxies among
     * the beans too; that is checked when the groutines are registered.
     */
    private static void checkTriggers(Discovery discovery, ClassLoader classLoader) {
        for (GroutineClass type : discovery.active()) {
            Class<?> groutines;
            try {
                groutines = Class.forName(type.className(), false, classLoader);
            }
            catch (ClassNotFoundException | LinkageError ex) {
                continue; // found in a class file the application cannot load: its bean's registration reports it
            }
            Reach.resolvingOnly(() -> GroutinesCatalog.declared(groutines));
        }
    }

    /** The command line's scope, {@code groutines.weave.*}, and the scanned packages unless switched off. */
    private static WeaveScope weaveScope(GroutinesProperties properties, List<String> packages) {
        List<String> application = new ArrayList<>();
        if (properties.getWeave().isApplicationPackages()) {
            packages.forEach(p -> application.add(p.strip() + "..*"));
        }
        return WeaveScope.fromSystemProperties().withIncluded(application)
                .withIncluded(properties.getWeave().getInclude()).withExcluded(properties.getWeave().getExclude());
    }
}
