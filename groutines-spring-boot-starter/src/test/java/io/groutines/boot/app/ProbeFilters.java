package io.groutines.boot.app;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import io.groutines.Event;
import io.groutines.Hub;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters around the groutines filter: one before it checks that no thread arrives with a hub bound (a leak from a
 * previous request); one after it fires {@code SEEN} on async dispatches, proving the hub is bound there.
 */
@Configuration(proxyBeanMethods = false)
class ProbeFilters {

    @Bean
    FilterRegistrationBean<Filter> leakProbe(Recorder recorder) {
        Filter filter = (request, response, chain) -> {
            Hub.current().ifPresent(hub -> recorder.leak(Thread.currentThread().getName() + " arrived with " + hub
                    + " for " + ((HttpServletRequest) request).getRequestURI()));
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> asyncProbe() {
        Filter filter = new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                Event.named("SEEN").fire("async:" + request.getParameter("id"));
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        registration.setUrlPatterns(java.util.List.of("/async"));
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ASYNC));
        registration.setAsyncSupported(true);
        return registration;
    }
}
