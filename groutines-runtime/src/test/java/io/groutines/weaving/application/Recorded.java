package io.groutines.weaving.application;

/** Loaded by {@code WeaverEventsIT} while a flight recording runs, and by nothing else. */
public class Recorded {

    public String name() {
        return "recorded";
    }
}
