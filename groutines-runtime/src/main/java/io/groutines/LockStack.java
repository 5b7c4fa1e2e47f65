package io.groutines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;

/**
 * How many entries the calling thread's lock stack holds — for a virtual thread, its carrier's, where its monitors
 * sit while it runs — read in nanoseconds. Part of the runtime's seam to the JVM's internals.
 *
 * <p>With the JVM's default (lightweight) locking, a monitor entered without contention is an entry of the thread's
 * lock stack, and a suspending continuation carries every entry away with it, the caller's included; an inflated
 * monitor belongs to the thread and stays. HotSpot keeps the lock stack in its {@code JavaThread}; the offsets are
 * read once from its structure table ({@link VmStructs}) and checked — the shapes of the types, the thread's own
 * identity read back through them, and counts that follow monitors entered for the purpose on a platform and on a
 * virtual thread — before anything is read through them. A count that does not look like one reads as unknown.
 */
final class LockStack {

    private static final Reader READER;

    private static final String UNAVAILABLE;

    static {
        Reader reader = null;
        String why;
        try {
            reader = new Reader();
            why = reader.check();
        }
        catch (Throwable ex) {
            why = String.valueOf(ex.getMessage() != null ? ex.getMessage() : ex);
        }
        READER = why == null ? reader : null;
        UNAVAILABLE = why;
    }

    private LockStack() {
    }

    /** @return {@code null} when the count can be read, else why not */
    static String unavailable() {
        return UNAVAILABLE;
    }

    /** @return how many entries a lock stack holds; 0 when the count cannot be read */
    static int capacity() {
        return READER == null ? 0 : READER.capacity;
    }

    /** @return entries in the calling thread's lock stack (its carrier's, for a virtual thread); -1 when unknown */
    static int count() {
        Reader reader = READER;
        if (reader == null) {
            return -1;
        }
        try {
            return reader.count();
        }
        catch (Throwable ex) {
            return -1;
        }
    }

    /**
     * What reads the count. An object of its own, so that the check can run on a virtual thread while
     * {@code LockStack} is being initialized (a static method of a class being initialized would wait for it).
     */
    private static final class Reader implements Runnable {

        private final MethodHandle intAt, longOf, referenceOf;

        /** Offsets from a {@code JavaThread*}: of the lock stack's top (an offset from the same), of its first slot. */
        private final long top, base;

        private final long owner, eetop, carrier;

        private final int capacity;

        private String onVirtualThread;

        Reader() throws Throwable {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            intAt = lookup.findVirtual(unsafeClass, "getInt", MethodType.methodType(int.class, long.class)).bindTo(unsafe);
            longOf = lookup.findVirtual(unsafeClass, "getLong",
                    MethodType.methodType(long.class, Object.class, long.class)).bindTo(unsafe);
            referenceOf = lookup.findVirtual(unsafeClass, "getReference",
                    MethodType.methodType(Object.class, Object.class, long.class)).bindTo(unsafe);
            MethodHandle fieldOffset = lookup.findVirtual(unsafeClass, "objectFieldOffset",
                    MethodType.methodType(long.class, Class.class, String.class)).bindTo(unsafe);
            eetop = (long) fieldOffset.invokeExact(Thread.class, "eetop");
            carrier = (long) fieldOffset.invokeExact(Class.forName("java.lang.VirtualThread"), "carrierThread");

            VmStructs vm = VmStructs.read(JvmLibrary.open(),
                    Set.of("JavaThread::_lock_stack", "LockStack::_top", "LockStack::_base[0]",
                            "JavaThread::_monitor_owner_id"),
                    Set.of("JavaThread", "LockStack"));
            long lockStack = vm.offset("JavaThread::_lock_stack");
            long topInLockStack = vm.offset("LockStack::_top");
            long baseInLockStack = vm.offset("LockStack::_base[0]");
            long lockStackSize = vm.size("LockStack");
            long threadSize = vm.size("JavaThread");
            owner = vm.offset("JavaThread::_monitor_owner_id");
            capacity = (int) ((lockStackSize - baseInLockStack) / Long.BYTES);
            if (topInLockStack < 0 || topInLockStack >= baseInLockStack || baseInLockStack >= lockStackSize
                    || capacity < 1 || capacity > 64 || lockStack < 0 || lockStack + lockStackSize > threadSize
                    || owner < 0 || owner + Long.BYTES > threadSize) {
                throw new IllegalStateException("the lock stack's layout is not one this runtime knows (JavaThread "
                        + threadSize + " bytes, lock stack at " + lockStack + ", " + lockStackSize + " bytes, top at "
                        + topInLockStack + ", slots at " + baseInLockStack + ")");
            }
            top = lockStack + topInLockStack;
            base = lockStack + baseInLockStack;
        }

        /** The {@code JavaThread*} running the calling code: the thread's own, or a virtual thread's carrier's. */
        private long javaThread() throws Throwable {
            Thread thread = Thread.currentThread();
            if (thread.isVirtual()) {
                thread = (Thread) (Object) referenceOf.invokeExact((Object) thread, carrier);
                if (thread == null) {
                    return 0;
                }
            }
            return (long) longOf.invokeExact((Object) thread, eetop);
        }

        int count() throws Throwable {
            long javaThread = javaThread();
            return javaThread == 0 ? -1 : count(javaThread);
        }

        private int count(long javaThread) throws Throwable {
            long used = Integer.toUnsignedLong((int) intAt.invokeExact(javaThread + top)) - base;
            if (used < 0 || used % Long.BYTES != 0 || used / Long.BYTES > capacity) {
                return -1;
            }
            return (int) (used / Long.BYTES);
        }

        /**
         * Before the count is trusted: on this thread and on a virtual thread, the thread's identity read back
         * through the same structure, and counts that follow monitors entered for the purpose.
         * @return {@code null} when everything checks out, else what did not
         */
        String check() throws Throwable {
            String platform = checkHere();
            if (platform != null) {
                return platform + " (platform thread)";
            }
            Thread.ofVirtual().start(this).join();
            return onVirtualThread == null ? null : onVirtualThread + " (virtual thread)";
        }

        /** The check on a virtual thread. */
        @Override
        public void run() {
            try {
                onVirtualThread = checkHere();
            }
            catch (Throwable ex) {
                onVirtualThread = String.valueOf(ex);
            }
        }

        private String checkHere() throws Throwable {
            long javaThread = javaThread();
            if (javaThread == 0) {
                return "the thread's JavaThread is not known";
            }
            // a mounted thread stamps the monitors it enters with its own id, a virtual thread's too
            long id = (long) longOf.invokeExact((Object) null, javaThread + owner);
            if (id != Thread.currentThread().threadId()) {
                return "the thread's id read through the structure table is " + id + ", not "
                        + Thread.currentThread().threadId();
            }
            Object[] locks = { new Object(), new Object() }; // reachable from outside the frame: no lock elision
            int before = count(javaThread);
            int one, two;
            synchronized (locks[0]) {
                one = count(javaThread);
                synchronized (locks[1]) {
                    two = count(javaThread);
                }
            }
            int after = count(javaThread);
            return before >= 0 && one == before + 1 && two == before + 2 && after == before ? null
                    : "lock stack counts " + before + "/" + one + "/" + two + "/" + after + " do not follow the monitors";
        }
    }
}
