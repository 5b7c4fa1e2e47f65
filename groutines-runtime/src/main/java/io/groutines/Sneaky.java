package io.groutines;

/** Rethrows any throwable without wrapping, so that a checked exception thrown by a groutine reaches the caller as is. */
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

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T raise(Throwable ex) throws T {
        throw (T) ex;
    }
}
