package io.groutines.boot.autoconfigure;

import io.groutines.boot.actuate.GroutinesEndpoint;
import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.spawn.CallSites;
import io.groutines.boot.spawn.LiveHubs;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code groutines} actuator endpoint, when Spring Boot Actuator is present. Like any endpoint it is exposed
 * over HTTP only when the application says so ({@code management.endpoints.web.exposure.include=groutines}).
 */
@AutoConfiguration(after = GroutinesAutoConfiguration.class)
@ConditionalOnGroutinesEnabled
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(GroutinesEndpoint.class)
public final class GroutinesEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GroutinesEndpoint groutinesEndpoint(GroutinesCatalog catalog, LiveHubs liveHubs, Discovery discovery,
            CallSites callSites) {
        return new GroutinesEndpoint(catalog, liveHubs, discovery, callSites);
    }
}
