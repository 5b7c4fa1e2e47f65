package io.groutines.weaving.launched;

import io.groutines.weaving.Weaving;

/**
 * Run by {@code RunnerJarIT}'s stand-in of a test runner's main class, as a test runner runs a test: prints
 * what the agent took for the application's code, one {@code key=value} a line.
 */
public final class LaunchedProbe {

    private LaunchedProbe() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        System.out.println("runner=" + Weaving.status(Class.forName(args[0])));
        System.out.println("probe=" + Weaving.status(LaunchedProbe.class));
        System.out.println("applicationClasses=" + Weaving.scope().applicationClasses().size());
    }
}
