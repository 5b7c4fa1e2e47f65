package io.groutines.weaving.application;

/** Loaded by JUnit's discovery, through {@link Discovered} on the test class. */
public class Controller {

    public String show(String id) {
        return "shown " + id;
    }
}
