package io.groutines.boot.app;



import org.springframework.stereotype.Component;

/** A service whose {@code greet} groutines intercept: its package is the test application's, so it is woven. */
@Component
public class Greeter {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
