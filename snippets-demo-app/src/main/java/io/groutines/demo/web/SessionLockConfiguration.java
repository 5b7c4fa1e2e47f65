package io.groutines.demo.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * With {@code demo.synchronize-on-session=true}, Spring MVC runs every handler of one session inside
 * {@code synchronized} on the session's mutex — a standard option, and a lock under which groutines wait (see
 * {@code docs/groutines.md}, "Limits"). Off by default, as in Spring MVC.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("demo.synchronize-on-session")
public class SessionLockConfiguration {

    @Bean
    static BeanPostProcessor synchronizeOnSession() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    adapter.setSynchronizeOnSession(true);
                }
                return bean;
            }
        };
    }
}
