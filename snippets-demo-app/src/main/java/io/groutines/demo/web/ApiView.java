package io.groutines.demo.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller as one DRF view: one path, the methods it answers and what it renders. {@link ApiViewInterceptor}
 * uses it for the {@code Allow} header and content negotiation (406), which DRF does before anything else.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiView {

    /** The view's name as DRF's OPTIONS metadata gives it, e.g. "Snippet List". */
    String name();

    /** The methods in DRF's order (get, post, put, patch, delete, head, options). */
    String[] allow();

    /** The one media type the view renders. */
    String renders() default "application/json";
}
