package io.groutines.boot.app;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.groutines.Event;
import io.groutines.Hub;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plain async servlet that never completes: the container times it out and makes an ERROR dispatch while the
 * request's hub is still open. A filter on every error dispatch fires {@code SEEN} when a hub is bound there, and records it when none is.
 */
@Configuration(proxyBeanMethods = false)
class AsyncTimeoutServlet {

    @Bean
    ServletRegistrationBean<HttpServlet> asyncTimeout() {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                Event.named("SEEN").fire(request.getParameter("id"));
                AsyncContext async = request.startAsync();
                async.setTimeout(200);
            }
        };
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, "/raw-async-timeout");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> errorProbe(Recorder recorder) {
        Filter filter = (request, response, chain) -> {
            String id = request.getParameter("id");
            if (id != null) {
                if (Hub.current().isPresent()) {
                    Event.named("SEEN").fire("error:" + id);
                }
                else {
                    recorder.record("(none)", "error dispatch without hub " + id);
                }
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        return registration;
    }
}
