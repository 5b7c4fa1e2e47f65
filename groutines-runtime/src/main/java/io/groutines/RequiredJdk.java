package io.groutines;

/**
 * The JDK groutines need: {@value #FEATURE} or newer. Their strands run on the JDK's internal continuations as JDK
 * {@value #FEATURE} has them, and the runtime is compiled for it. This class alone is compiled for Java 17 (with the
 * agent's entry point, see the runtime's build), so that code any JVM may load — the agent's entry point, the Spring
 * Boot starter — asks here before it touches the rest of the runtime: an application that contains groutines runs on
 * an older JDK, without them.
 */
public final class RequiredJdk {

    /** The oldest Java feature release that runs groutines. */
    public static final int FEATURE = 25;

    private RequiredJdk() {
    }

    /** @return whether this JVM runs groutines */
    public static boolean isMet() {
        return running() >= FEATURE;
    }

    /** @return this JVM's Java feature release, e.g. {@code 17} */
    public static int running() {
        return Runtime.version().feature();
    }
}
