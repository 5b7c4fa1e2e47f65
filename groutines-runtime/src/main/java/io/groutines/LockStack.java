package io.groutines;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the calling platform thread's lock stack is empty — the question {@link HeldMonitors} asks before every
 * suspension, answered in nanoseconds instead of the tens of microseconds of a thread snapshot.
 *
 * <p>With JDK 25's lightweight locking, a monitor entered without contention is recorded in the thread's lock stack,
 * and those entries are what a suspending continuation carries away; an inflated monitor belongs to the thread and
 * stays. So when the lock stack is empty, nothing can be carried away. The lock stack lives in HotSpot's
 * {@code JavaThread}; its offsets are read once from the table HotSpot exports for its serviceability agent
 * ({@code gHotSpotVMStructs}, found in {@code libjvm.so}'s dynamic symbols), and the count is then read with the
 * JDK's internal {@code Unsafe} — no native access, no warning. Before it is trusted, the reading is checked against
 * monitors entered for the purpose; when anything is missing or does not check out (another JVM, legacy locking, the
 * package not exported by the agent, a virtual thread), {@link #isEmpty()} answers {@code false} and the caller
 * takes the snapshot, as it would without this class.
 */
final class LockStack {

    private static final MethodHandle GET_LONG_AT, GET_INT_AT, GET_BYTE_AT, GET_LONG_OF;

    /** Offsets from a {@code JavaThread*}: of the lock stack's top (a byte offset from the same), of its first slot. */
    private static final long TOP, BASE;

    /** Offset of {@code Thread.eetop}, the thread's {@code JavaThread*}. */
    private static final long EETOP;

    private static final boolean AVAILABLE;

    /** Why not, when not: for the documentation's question "is the fast check on?" ({@code groutines} endpoint). */
    static final String STATUS;

    static {
        MethodHandle longAt = null, intAt = null, byteAt = null, longOf = null;
        long top = -1, base = -1, eetop = -1;
        String status;
        try {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            longAt = lookup.findVirtual(unsafeClass, "getLong", MethodType.methodType(long.class, long.class))
                    .bindTo(unsafe);
            intAt = lookup.findVirtual(unsafeClass, "getInt", MethodType.methodType(int.class, long.class))
                    .bindTo(unsafe);
            byteAt = lookup.findVirtual(unsafeClass, "getByte", MethodType.methodType(byte.class, long.class))
                    .bindTo(unsafe);
            longOf = lookup.findVirtual(unsafeClass, "getLong",
                    MethodType.methodType(long.class, Object.class, long.class)).bindTo(unsafe);
            eetop = (long) lookup.findVirtual(unsafeClass, "objectFieldOffset",
                    MethodType.methodType(long.class, Class.class, String.class)).invoke(unsafe, Thread.class, "eetop");
            Map<String, Long> symbols = symbols(List.of("gHotSpotVMStructs", "gHotSpotVMStructEntryArrayStride",
                    "gHotSpotVMStructEntryTypeNameOffset", "gHotSpotVMStructEntryFieldNameOffset",
                    "gHotSpotVMStructEntryOffsetOffset"));
            long entries = (long) longAt.invokeExact((long) symbols.get("gHotSpotVMStructs"));
            long stride = (long) longAt.invokeExact((long) symbols.get("gHotSpotVMStructEntryArrayStride"));
            long typeName = (long) longAt.invokeExact((long) symbols.get("gHotSpotVMStructEntryTypeNameOffset"));
            long fieldName = (long) longAt.invokeExact((long) symbols.get("gHotSpotVMStructEntryFieldNameOffset"));
            long offset = (long) longAt.invokeExact((long) symbols.get("gHotSpotVMStructEntryOffsetOffset"));
            long lockStack = -1, topInLockStack = -1, baseInLockStack = -1;
            for (long entry = entries; ; entry += stride) {
                long type = (long) longAt.invokeExact(entry + typeName);
                if (type == 0) {
                    break;
                }
                long field = (long) longAt.invokeExact(entry + fieldName);
                if (field == 0) {
                    continue;
                }
                String key = string(byteAt, type) + "::" + string(byteAt, field);
                long value = (long) longAt.invokeExact(entry + offset);
                switch (key) {
                    case "JavaThread::_lock_stack" -> lockStack = value;
                    case "LockStack::_top" -> topInLockStack = value;
                    case "LockStack::_base[0]" -> baseInLockStack = value;
                    default -> { }
                }
            }
            if (lockStack < 0 || topInLockStack < 0 || baseInLockStack < 0) {
                throw new IllegalStateException("this JVM does not describe its lock stack");
            }
            top = lockStack + topInLockStack;
            base = lockStack + baseInLockStack;
            status = "on";
        }
        catch (Throwable ex) {
            status = "off (" + ex + ")";
        }
        GET_LONG_AT = longAt;
        GET_INT_AT = intAt;
        GET_BYTE_AT = byteAt;
        GET_LONG_OF = longOf;
        TOP = top;
        BASE = base;
        EETOP = eetop;
        boolean available = top >= 0;
        if (available) {
            String failed = selfCheck();
            if (failed != null) {
                available = false;
                status = "off (" + failed + ")";
            }
        }
        AVAILABLE = available;
        STATUS = status;
    }

    private LockStack() {
    }

    /** @return {@code true} only when the calling thread's lock stack is known to be empty */
    static boolean isEmpty() {
        return AVAILABLE && count() == 0;
    }

    /** @return entries in the calling platform thread's lock stack; -1 when unknown */
    private static int count() {
        Thread thread = Thread.currentThread();
        if (thread.isVirtual()) {
            return -1; // its monitors are in its carrier's lock stack: not worth the internal access here
        }
        try {
            long javaThread = (long) GET_LONG_OF.invokeExact((Object) thread, EETOP);
            if (javaThread == 0) {
                return -1;
            }
            int top = (int) GET_INT_AT.invokeExact(javaThread + TOP);
            return (int) ((top - BASE) / Long.BYTES);
        }
        catch (Throwable ex) {
            return -1;
        }
    }

    /** Enters monitors and checks that the count follows; {@code null} when it does, else what went wrong. */
    private static String selfCheck() {
        Object[] locks = { new Object(), new Object() }; // reachable from outside the frame: no lock elision
        int before = count();
        if (before < 0 || before > 4) {
            return "unexpected lock stack count " + before;
        }
        int one, two;
        synchronized (locks[0]) {
            one = count();
            synchronized (locks[1]) {
                two = count();
            }
        }
        int after = count();
        return one == before + 1 && two == before + 2 && after == before ? null
                : "lock stack counts " + before + "/" + one + "/" + two + "/" + after + " do not follow the monitors";
    }

    /** @return the addresses of the named dynamic symbols of the loaded {@code libjvm.so} */
    private static Map<String, Long> symbols(List<String> names) throws IOException {
        String library = null;
        long start = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 6 && parts[5].endsWith("/libjvm.so") && Long.parseLong(parts[2], 16) == 0) {
                library = parts[5];
                start = Long.parseUnsignedLong(parts[0].substring(0, parts[0].indexOf('-')), 16);
                break;
            }
        }
        if (library == null) {
            throw new IllegalStateException("libjvm.so is not mapped (not Linux, or not HotSpot)");
        }
        try (FileChannel channel = FileChannel.open(Path.of(library), StandardOpenOption.READ)) {
            ByteBuffer elf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            if (elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1) {
                throw new IllegalStateException("libjvm.so is not a 64-bit little-endian ELF file");
            }
            // the segment mapped at file offset 0 is mapped at start
            long bias = start;
            long phoff = elf.getLong(0x20);
            for (int i = 0; i < Short.toUnsignedInt(elf.getShort(0x38)); i++) {
                int ph = (int) (phoff + (long) i * Short.toUnsignedInt(elf.getShort(0x36)));
                if (elf.getInt(ph) == 1 && elf.getLong(ph + 0x08) == 0) { // PT_LOAD at offset 0
                    bias = start - elf.getLong(ph + 0x10);
                    break;
                }
            }
            long shoff = elf.getLong(0x28);
            int shentsize = Short.toUnsignedInt(elf.getShort(0x3A));
            int shnum = Short.toUnsignedInt(elf.getShort(0x3C));
            Map<String, Long> found = new HashMap<>();
            for (int i = 0; i < shnum; i++) {
                int sh = (int) (shoff + (long) i * shentsize);
                if (elf.getInt(sh + 4) != 11) { // SHT_DYNSYM
                    continue;
                }
                int symbols = (int) elf.getLong(sh + 0x18);
                long count = elf.getLong(sh + 0x20) / 24;
                int strings = (int) elf.getLong((int) (shoff + (long) elf.getInt(sh + 0x28) * shentsize) + 0x18);
                for (int s = 0; s < count; s++) {
                    int sym = symbols + s * 24;
                    String name = string(elf, strings + elf.getInt(sym));
                    if (names.contains(name)) {
                        found.put(name, bias + elf.getLong(sym + 8));
                    }
                }
            }
            if (!found.keySet().containsAll(names)) {
                throw new IllegalStateException("libjvm.so does not export " + names);
            }
            return found;
        }
    }

    private static String string(ByteBuffer elf, int at) {
        StringBuilder text = new StringBuilder();
        for (int i = at; elf.get(i) != 0 && text.length() < 128; i++) {
            text.append((char) elf.get(i));
        }
        return text.toString();
    }

    private static String string(MethodHandle byteAt, long address) throws Throwable {
        StringBuilder text = new StringBuilder();
        for (long a = address; text.length() < 128; a++) {
            byte b = (byte) byteAt.invokeExact(a);
            if (b == 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }
}
