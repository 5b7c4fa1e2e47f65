package io.groutines.boot.autoconfigure;

import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.discovery.TargetCheck;
import io.groutines.boot.discovery.WeaveScope;
import io.groutines.boot.spawn.GroutineSpawner;
import io.groutines.boot.spawn.HubInitializer;
import io.groutines.boot.spawn.LiveHubs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Groutines for any application: discovery, the startup check of every trigger, the production guard and the
 * {@link GroutineSpawner}. Active only with {@code groutines.enabled=true}.
 */
@AutoConfiguration
@ConditionalOnGroutinesEnabled
@EnableConfigurationProperties(GroutinesProperties.class)
public final class GroutinesAutoConfiguration {

    private static final Log logger = LogFactory.getLog(GroutinesAutoConfiguration.class);

    @Bean
    static GroutinesBeanRegistrar groutinesBeanRegistrar() {
        return new GroutinesBeanRegistrar();
    }

    @Bean
    @ConditionalOnMissingBean
    TargetCheck groutinesTargetCheck() {
        return TargetCheck.ACCEPT;
    }

    @Bean
    WeaveScope groutinesWeaveScope(Discovery discovery) {
        return discovery.weaveScope();
    }

    @Bean
    @ConditionalOnMissingBean
    GroutinesCatalog groutinesCatalog(ListableBeanFactory beanFactory, GroutinesProperties properties,
            TargetCheck targetCheck, Discovery discovery) {
        GroutinesCatalog catalog = GroutinesCatalog.build(beanFactory, properties::isActive,
                properties.isFailOnTargetError(), targetCheck);
        // loud on purpose: an application whose behaviour is being patched must say so
        logger.warn("GROUTINES ARE ENABLED (development and tests only; calls and events of this application can be "
                + "patched at runtime). Active groutines: " + catalog.describe() + ". Scanned packages: "
                + discovery.packages() + ". Weave scope: " + discovery.weaveScope().triggerClasses()
                + (discovery.weaveScope().include().isEmpty() ? "" : " + " + discovery.weaveScope().include()));
        return catalog;
    }

    @Bean
    @ConditionalOnMissingBean
    LiveHubs groutinesLiveHubs() {
        return new LiveHubs();
    }

    @Bean
    @ConditionalOnMissingBean
    GroutineSpawner groutineSpawner(GroutinesCatalog catalog, LiveHubs liveHubs,
            ObjectProvider<HubInitializer> initializers) {
        return new GroutineSpawner(catalog, liveHubs, initializers.orderedStream().toList());
    }
}
