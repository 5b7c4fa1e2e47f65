package io.groutines;

/**
 * The kill a strand has been given: why, and how often it kept waiting after it. A groutine that catches
 * {@link GroutineExit} and waits again is answered by another exit each time, and after {@value #SURVIVALS} of them
 * is abandoned: its request must get its response, whatever the groutine does.
 */
final class Kill {

    /** How many more waits a killed strand may attempt before it is abandoned. */
    static final int SURVIVALS = 3;

    /** How many waits in a row may be refused to keep a lock safe before the strand is killed. */
    static final int REFUSALS = 3;

    private static final System.Logger LOG = System.getLogger("io.groutines");

    /** {@code null} until the strand is killed. */
    private volatile String reason;

    private int survived;

    /** @return the reason of the kill that closing a hub gives each of its groutines */
    static String hubClosed(Hub hub) {
        return "was killed: its hub '" + hub.name() + "' closed";
    }

    boolean ordered() {
        return reason != null;
    }

    void order(String why) {
        reason = why;
    }

    /** @return the exit to throw at the strand's suspension point */
    GroutineExit exit(String groutine) {
        String why = reason;
        return new GroutineExit("Groutine '" + groutine + "' " + (why != null ? why : "was killed"));
    }

    /** Counts a wait attempted after the kill. @return whether the strand is to be abandoned now */
    boolean survivedTooOften() {
        return ++survived > SURVIVALS;
    }

    /** Reports, with the groutine's own frame that waited, a strand about to be abandoned. */
    static void reportAbandoned(Strand strand, Waiter waiter) {
        LOG.log(System.Logger.Level.ERROR, "Groutine ''{0}'' of {1} survived its kill {2} times and keeps waiting "
                + "(for {3}, at {4}): abandoned, it will not run again. A groutine must not catch GroutineExit "
                + "(catch Exception, not Throwable) and wait again.", strand.name(), strand.hub(), SURVIVALS, waiter,
                groutineFrame());
    }

    /** Reports a strand killed because it kept waiting where it may not. */
    static void reportRefused(Strand strand, IllegalStateException last, int refused) {
        LOG.log(System.Logger.Level.ERROR, "Groutine ''{0}'' of {1} was killed: it caught the refusal of its wait and "
                + "waited again, {2} times in a row (at {3}), which held its thread. Why the wait was refused: {4}",
                strand.name(), strand.hub(), refused, groutineFrame(), last.getMessage());
    }

    /** Reports a strand that may not be resumed on the thread that wants it to (it holds a lock taken elsewhere). */
    static void reportHeldElsewhere(Strand strand, String what) {
        LOG.log(System.Logger.Level.ERROR, "{0} (groutine of {1})", what, strand.hub());
    }

    /** The first frame of the groutine's own code: not the runtime's (which the code source tells), not the JDK's. */
    private static String groutineFrame() {
        var runtime = Kill.class.getProtectionDomain().getCodeSource();
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> f.getDeclaringClass().getClassLoader() != null
                        && f.getDeclaringClass().getProtectionDomain().getCodeSource() != runtime)
                .findFirst().map(Object::toString).orElse("?"));
    }
}
