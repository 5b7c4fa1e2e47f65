package io.groutines;

/**
 * Rethrows any throwable without wrapping, so that a checked exception thrown by a groutine reaches the caller as is;
 * and keeps the first of several failures.
 */
final class Sneaky {

    private Sneaky() {
    }

    /**
     * @param ex what to throw
     * @return never; declared so that call sites can write {@code throw Sneaky.rethrow(ex)}
     */
    static RuntimeException rethrow(Throwable ex) {
        return Sneaky.<RuntimeException>raise(ex);
    }

    /**
     * @param first the failure kept so far, or {@code null}
     * @param next another one
     * @return the first failure, with the later ones suppressed in it
     */
    static Throwable keepFirst(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T raise(Throwable ex) throws T {
        throw (T) ex;
    }
}
