package io.groutines.boot.autoconfigure;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import io.groutines.boot.spawn.GroutineSpawner;
import io.groutines.boot.web.GroutinesFilter;
import io.groutines.boot.web.GroutinesInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The per-request filter of a servlet web application ({@link GroutinesFilter}), at
 * {@code groutines.filter.order} for {@code groutines.filter.url-patterns}, on REQUEST, ASYNC and ERROR
 * dispatches; with Spring MVC, its stand-in for requests served without filters ({@link GroutinesInterceptor}).
 */
@AutoConfiguration(after = GroutinesAutoConfiguration.class)
@ConditionalOnGroutinesEnabled
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, FilterRegistrationBean.class })
@ConditionalOnBooleanProperty(name = "groutines.filter.enabled", matchIfMissing = true)
public final class GroutinesWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GroutinesFilter groutinesFilter(ObjectProvider<GroutineSpawner> spawner) {
        return new GroutinesFilter(spawner);
    }

    @Bean
    @ConditionalOnMissingBean(name = "groutinesFilterRegistration")
    FilterRegistrationBean<GroutinesFilter> groutinesFilterRegistration(GroutinesFilter filter,
            @Qualifier(GroutinesStartup.BEAN_NAME) GroutinesStartup startup) {
        GroutinesProperties properties = startup.properties();
        FilterRegistrationBean<GroutinesFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("groutinesFilter");
        registration.setOrder(properties.getFilter().getOrder());
        registration.setUrlPatterns(properties.getFilter().getUrlPatterns());
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * The filter's stand-in for requests that reach Spring MVC without it (MockMvc built without filters): the
     * first handler interceptor opens the request's hub when the filter did not.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static final class InterceptorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        GroutinesInterceptor groutinesInterceptor(ObjectProvider<GroutineSpawner> spawner,
                @Qualifier(GroutinesStartup.BEAN_NAME) GroutinesStartup startup) {
            return new GroutinesInterceptor(spawner, startup.properties().getFilter().getUrlPatterns());
        }

        @Bean
        WebMvcConfigurer groutinesWebMvcConfigurer(GroutinesInterceptor interceptor) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
                }
            };
        }
    }
}
