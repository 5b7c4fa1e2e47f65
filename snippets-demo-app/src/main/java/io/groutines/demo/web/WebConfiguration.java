package io.groutines.demo.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link ApiViewInterceptor} for every handler. */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    private final ApiViewInterceptor apiViewInterceptor;

    public WebConfiguration(ApiViewInterceptor apiViewInterceptor) {
        this.apiViewInterceptor = apiViewInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(apiViewInterceptor);
    }
}
