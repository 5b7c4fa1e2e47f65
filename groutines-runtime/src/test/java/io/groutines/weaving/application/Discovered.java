package io.groutines.weaving.application;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a class on a test class, as {@code @WebMvcTest(SomeController.class)} does: JUnit's discovery reads the test
 * class's annotations, which loads the named class before any test or application has said what to weave.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Discovered {

    /** @return the classes loaded when the annotation is read */
    Class<?>[] value();
}
