package io.groutines.weaving.direct;

/** An interface with default, static and private methods. */
public interface Named {

    String name();

    default String greeting(String who) {
        return "hi " + who + ", " + polite(name());
    }

    private String polite(String name) {
        return "dear " + name;
    }

    static Named of(String name) {
        return () -> name;
    }
}
