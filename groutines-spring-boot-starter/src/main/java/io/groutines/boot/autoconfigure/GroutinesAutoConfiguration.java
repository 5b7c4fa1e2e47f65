package io.groutines.boot.autoconfigure;

import java.util.Optional;

import io.groutines.LockCheck;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.modulith.ModuleTestSlice;
import io.groutines.boot.proxy.ProxiedBeans;
import io.groutines.boot.proxy.ProxiedCallsPostProcessor;
import io.groutines.boot.spawn.CallSites;
import io.groutines.boot.spawn.GroutineSpawner;
import io.groutines.boot.spawn.HubInitializer;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.boot.spawn.Watchdog;
import io.groutines.weaving.Reach;
import io.groutines.weaving.Weaving;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Groutines for any application: the registration of the active {@code @Groutines} classes, the startup check of
 * every trigger, and the {@link GroutineSpawner}. Active only with {@code groutines.enabled=true}.
 */
@AutoConfiguration
@ConditionalOnGroutinesEnabled
public final class GroutinesAutoConfiguration {

    private static final Log logger = LogFactory.getLog(GroutinesAutoConfiguration.class);

    private static final boolean MODULITH_TEST_PRESENT = ClassUtils.isPresent(
            "org.springframework.modulith.test.ModuleTestExecution", GroutinesAutoConfiguration.class.getClassLoader());

    @Bean
    static GroutinesBeanRegistrar groutinesBeanRegistrar() {
        return new GroutinesBeanRegistrar();
    }

    @Bean
    @ConditionalOnMissingBean
    GroutinesCatalog groutinesCatalog(ListableBeanFactory beanFactory,
            @Qualifier(GroutinesStartup.BEAN_NAME) GroutinesStartup startup) {
        GroutinesCatalog catalog = GroutinesCatalog.build(beanFactory, startup.discovery(),
                startup.properties().isFailOnTargetError(), trigger -> {
                    if (!ProxiedBeans.implement(beanFactory, trigger.type())) {
                        Reach.require(trigger);
                    }
                }, className -> MODULITH_TEST_PRESENT ? ModuleTestSlice.explain(beanFactory, className)
                        : Optional.empty());
        // loud on purpose: an application whose behaviour is being patched must say so
        logger.warn("GROUTINES ARE ENABLED (development and tests only; calls and events of this application can be "
                + "patched at runtime). Launch: " + startup.launch() + ". Weaving: " + weaving() + ". Active groutines: "
                + catalog.describe()
                + ". Scanned packages: " + startup.discovery().packages() + ". Weave scope: "
                + (Weaving.isStarted() ? Weaving.scope() : "none (no weaver runs: calls cannot reach groutines)")
                + ". Lock check: " + LockCheck.inForce());
        return catalog;
    }

    /** How calls reach groutines: the weaving mode, and what it means. */
    private static String weaving() {
        return switch (Weaving.mode()) {
            case AGENT -> "agent (-javaagent: every class of the scope is woven)";
            case SELF_ATTACH -> "self-attach (attached at startup: classes loaded before it are not woven; start the "
                    + "JVM with -javaagent to reach them)";
            case NONE -> "none (only calls through Spring proxies reach groutines)";
        };
    }

    @Bean
    static ProxiedCallsPostProcessor groutinesProxiedCallsPostProcessor() {
        return new ProxiedCallsPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    LiveHubs groutinesLiveHubs() {
        return new LiveHubs();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "groutines.watchdog.enabled", matchIfMissing = true)
    Watchdog groutinesWatchdog(LiveHubs liveHubs, @Qualifier(GroutinesStartup.BEAN_NAME) GroutinesStartup startup) {
        return new Watchdog(liveHubs, startup.properties().getWatchdog().getThreshold());
    }

    @Bean
    @ConditionalOnMissingBean
    CallSites groutinesCallSites(@Qualifier(GroutinesStartup.BEAN_NAME) GroutinesStartup startup) {
        GroutinesProperties.CallSites properties = startup.properties().getCallSites();
        return properties.isEnabled() ? CallSites.recording(properties.getLimit()) : CallSites.off();
    }

    @Bean
    @ConditionalOnMissingBean
    GroutineSpawner groutineSpawner(GroutinesCatalog catalog, LiveHubs liveHubs,
            ObjectProvider<HubInitializer> initializers, CallSites callSites) {
        return new GroutineSpawner(catalog, liveHubs, initializers.orderedStream().toList(), callSites);
    }
}
