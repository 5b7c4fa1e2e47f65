package io.groutines.boot.autoconfigure;

import io.groutines.LockCheck;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.proxy.ProxiedBeans;
import io.groutines.boot.proxy.ProxiedCallsPostProcessor;
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

/**
 * Groutines for any application: the registration of the active {@code @Groutines} classes, the startup check of
 * every trigger, and the {@link GroutineSpawner}. Active only with {@code groutines.enabled=true}.
 */
@AutoConfiguration
@ConditionalOnGroutinesEnabled
public final class GroutinesAutoConfiguration {

    private static final Log logger = LogFactory.getLog(GroutinesAutoConfiguration.class);

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
                });
        // loud on purpose: an application whose behaviour is being patched must say so
        logger.warn("GROUTINES ARE ENABLED (development and tests only; calls and events of this application can be "
                + "patched at runtime). Launch: " + startup.launch() + ". Active groutines: " + catalog.describe()
                + ". Scanned packages: " + startup.discovery().packages() + ". Weave scope: "
                + (Weaving.isStarted() ? Weaving.scope() : "none (no weaver runs: calls cannot reach groutines)")
                + ". Lock check: " + LockCheck.inForce());
        return catalog;
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
    GroutineSpawner groutineSpawner(GroutinesCatalog catalog, LiveHubs liveHubs,
            ObjectProvider<HubInitializer> initializers) {
        return new GroutineSpawner(catalog, liveHubs, initializers.orderedStream().toList());
    }
}
