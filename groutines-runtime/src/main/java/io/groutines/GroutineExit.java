package io.groutines;

import java.io.Serial;

/**
 * Thrown into a groutine at its suspension point when it is {@linkplain Strand#kill() killed} or its
 * {@link Hub} is closed, so that its {@code finally} blocks run — greenlet's {@code GreenletExit}.
 *
 * <p>It is an {@link Error}, like {@code ThreadDeath} was, so that a groutine's {@code catch (Exception e)} does
 * not swallow it. A groutine that ends by letting it escape ends normally: nobody else sees it. A killed groutine
 * that catches it and awaits again gets it again at once, so a kill always ends the groutine.
 */
public final class GroutineExit extends Error {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the signal.
     * @param message why the groutine is being ended
     */
    public GroutineExit(String message) {
        super(message, null, false, false);
    }
}
