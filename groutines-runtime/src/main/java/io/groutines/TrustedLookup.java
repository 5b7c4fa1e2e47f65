package io.groutines;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;

/**
 * The JDK's own fully trusted lookup, reached through its internal {@code Unsafe}: it finds the members of the JDK's
 * internal classes that the lock check reads ({@link JvmLibrary}, {@link ContinuationMonitors}) without opening
 * their packages to the application — opening {@code java.lang} to the class path would change what its libraries
 * may do. Part of the runtime's seam to the JVM's internals; needs {@code jdk.internal.misc} exported, which the
 * groutines agent does.
 */
final class TrustedLookup {

    private static final MethodHandles.Lookup LOOKUP;

    private static final Throwable UNAVAILABLE;

    static {
        MethodHandles.Lookup lookup = null;
        Throwable why = null;
        try {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            Field field = MethodHandles.Lookup.class.getDeclaredField("IMPL_LOOKUP");
            Object base = unsafeClass.getMethod("staticFieldBase", Field.class).invoke(unsafe, field);
            long offset = (long) unsafeClass.getMethod("staticFieldOffset", Field.class).invoke(unsafe, field);
            lookup = (MethodHandles.Lookup) unsafeClass.getMethod("getReference", Object.class, long.class)
                    .invoke(unsafe, base, offset);
        }
        catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
            why = ex;
        }
        LOOKUP = lookup;
        UNAVAILABLE = why;
    }

    private TrustedLookup() {
    }

    /**
     * @return the trusted lookup
     * @throws IllegalStateException when {@code jdk.internal.misc} is not exported to the runtime
     */
    static MethodHandles.Lookup get() {
        if (LOOKUP == null) {
            throw new IllegalStateException("the JDK's internal Unsafe is not exported to groutines ("
                    + UNAVAILABLE + ")", UNAVAILABLE);
        }
        return LOOKUP;
    }
}
