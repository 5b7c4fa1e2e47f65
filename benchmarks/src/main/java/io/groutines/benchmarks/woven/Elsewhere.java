package io.groutines.benchmarks.woven;

/**
 * Benchmark subject in the weave scope whose methods the measured code never calls: groutines that wait for them
 * keep the JVM armed (every woven call checks for a hub) without ever being resumed.
 */
public class Elsewhere {

    public void target() {
    }

    public void other() {
    }
}
