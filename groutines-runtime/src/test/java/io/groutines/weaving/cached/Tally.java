package io.groutines.weaving.cached;

/** Woven in a child JVM as the application's own code; its class file is changed by the test between starts. */
public class Tally {

    public int next() {
        return 1;
    }
}
