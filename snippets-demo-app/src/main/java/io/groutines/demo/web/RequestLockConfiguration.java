package io.groutines.demo.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * With {@code demo.lock-per-request=true}, every request runs inside {@code synchronized} on a lock of its own — a new
 * object per request, uncontended, as code that guards per-request state does. It runs inside the groutines filter,
 * so each request's groutines are resumed, and wait again, under that lock (see {@code docs/groutines.md},
 * "Limits"). Off by default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("demo.lock-per-request")
public class RequestLockConfiguration {

    /** The request attribute holding the request's lock (which also keeps the JIT from eliding it). */
    public static final String ATTRIBUTE = RequestLockConfiguration.class.getName() + ".LOCK";

    @Bean
    FilterRegistrationBean<Filter> lockPerRequest() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                Object lock = new Object();
                request.setAttribute(ATTRIBUTE, lock);
                synchronized (lock) {
                    chain.doFilter(request, response);
                }
            }
        });
        // inside the groutines filter (Ordered.HIGHEST_PRECEDENCE + 10), outside Spring Security (-100)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
