package io.groutines;

/**
 * Whether this JVM lets groutines run on {@code jdk.internal.vm.Continuation}, checked before any class that
 * touches it is used, so that a missing export fails with a message a person can act on.
 */
final class Continuations {

    /** The JVM option that gives groutines what the agent otherwise gives them. */
    static final String OPEN = "--add-opens java.base/jdk.internal.vm=ALL-UNNAMED";

    /** Read again until true: an agent attached later may export the package then. */
    private static volatile boolean available;

    private Continuations() {
    }

    static boolean available() {
        if (!available) {
            available = RequiredJdk.isMet()
                    && Object.class.getModule().isOpen("jdk.internal.vm", Continuations.class.getModule());
        }
        return available;
    }

    static void require() {
        if (!available()) {
            throw new IllegalStateException("Groutines run on jdk.internal.vm.Continuation, which this JVM ("
                    + Runtime.version() + ") does not open to them. Run on JDK " + RequiredJdk.FEATURE
                    + " or newer with the groutines agent (-javaagent:groutines-runtime-<version>-agent.jar), which "
                    + "opens it, or add the JVM option "
                    + OPEN + ".");
        }
    }
}
