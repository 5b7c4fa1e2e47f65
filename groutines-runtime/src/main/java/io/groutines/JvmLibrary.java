package io.groutines;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM's own library ({@code libjvm.so}, {@code libjvm.dylib}, {@code jvm.dll}): the addresses of the symbols it
 * exports, found with the JDK's own lookup of an already loaded library (no native-access warning, no parsing of
 * the file), and reads of its memory that never leave it: every address is checked against the library's mappings
 * before it is read, because a wrong address would not throw — it would end the JVM.
 *
 * <p>Part of the runtime's seam to the JVM's internals; what fails here is reported as an exception and makes the
 * caller take another way ({@link LockCheck}).
 */
final class JvmLibrary {

    private static final long MAX_LIBRARY_SPAN = 256L << 20;

    private final MethodHandle longAt, intAt, byteAt;

    /** Readable address ranges of the library, pairs of [start, end); empty until known. */
    private long[] ranges;

    private final Object library;

    private final MethodHandle find;

    private JvmLibrary(MethodHandle longAt, MethodHandle intAt, MethodHandle byteAt, Object library, MethodHandle find,
            long[] ranges) {
        this.longAt = longAt;
        this.intAt = intAt;
        this.byteAt = byteAt;
        this.library = library;
        this.find = find;
        this.ranges = ranges;
    }

    /**
     * Opens the JVM library of this JVM.
     * @throws Exception when the JDK's internal library lookup or {@code Unsafe} cannot be reached, or the library is
     *         not where this JVM's home says
     */
    static JvmLibrary open() throws Throwable {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle longAt = lookup.findVirtual(unsafeClass, "getLong", MethodType.methodType(long.class, long.class))
                .bindTo(unsafe);
        MethodHandle intAt = lookup.findVirtual(unsafeClass, "getInt", MethodType.methodType(int.class, long.class))
                .bindTo(unsafe);
        MethodHandle byteAt = lookup.findVirtual(unsafeClass, "getByte", MethodType.methodType(byte.class, long.class))
                .bindTo(unsafe);
        Path file = file();
        // RawNativeLibraries opens the library through dlopen/LoadLibrary, which hands back the copy already
        // loaded, and looks symbols up with dlsym/GetProcAddress: the same on every OS
        MethodHandles.Lookup trusted = TrustedLookup.get();
        Class<?> raw = Class.forName("jdk.internal.loader.RawNativeLibraries");
        Class<?> nativeLibrary = Class.forName("jdk.internal.loader.NativeLibrary");
        Object libraries = trusted.findConstructor(raw, MethodType.methodType(void.class, MethodHandles.Lookup.class))
                .invoke(lookup);
        Object library = trusted.findVirtual(raw, "load", MethodType.methodType(nativeLibrary, Path.class))
                .invoke(libraries, file);
        if (library == null) {
            throw new IllegalStateException("the JVM library " + file + " cannot be opened");
        }
        MethodHandle find = trusted.findVirtual(nativeLibrary, "find", MethodType.methodType(long.class, String.class));
        return new JvmLibrary(longAt, intAt, byteAt, library, find, ranges(file));
    }

    /** The library file of this JVM, where the JDK installs it. */
    private static Path file() {
        Path home = Path.of(System.getProperty("java.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String vm = System.getProperty("java.vm.name", "").contains("Client") ? "client" : "server";
        Path file = os.contains("win") ? home.resolve("bin").resolve(vm).resolve("jvm.dll")
                : home.resolve("lib").resolve(vm).resolve(System.mapLibraryName("jvm"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("this JVM's library is not at " + file);
        }
        return file;
    }

    /**
     * Where the library's memory is: on Linux, its readable private mappings; elsewhere nothing is known yet, and
     * {@link #find} bounds the ranges around the symbols it finds.
     */
    private static long[] ranges(Path file) throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return new long[0];
        }
        String real = file.toRealPath().toString();
        List<long[]> found = new ArrayList<>();
        long end = -1; // where the library's last mapping ended: its zero-filled data (.bss) follows, unnamed
        for (String line : Files.readAllLines(maps)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 5) {
                continue;
            }
            int dash = parts[0].indexOf('-');
            long start = Long.parseUnsignedLong(parts[0].substring(0, dash), 16);
            long stop = Long.parseUnsignedLong(parts[0].substring(dash + 1), 16);
            String path = parts.length < 6 ? "" : line.substring(line.indexOf(parts[5])).strip();
            // only readable private mappings of this very file (a mapping made to read the file, shared, as
            // FileChannel.map makes, is not the loaded library), and the unnamed one that continues it
            boolean library = path.equals(real) || path.equals(file.toString());
            boolean continued = path.isEmpty() && start == end;
            end = library || continued ? stop : -1;
            if ((library || continued) && parts[1].charAt(0) == 'r' && parts[1].charAt(3) == 'p') {
                found.add(new long[] { start, stop });
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no mapping of " + real + " in /proc/self/maps");
        }
        long[] ranges = new long[found.size() * 2];
        for (int i = 0; i < found.size(); i++) {
            ranges[2 * i] = found.get(i)[0];
            ranges[2 * i + 1] = found.get(i)[1];
        }
        return ranges;
    }

    /**
     * @param symbol an exported symbol's name
     * @return its address
     * @throws IllegalStateException when the library does not export it
     */
    long find(String symbol) throws Throwable {
        long address = (long) find.invoke(library, symbol);
        if (address == 0) {
            throw new IllegalStateException("the JVM library does not export " + symbol);
        }
        return address;
    }

    /**
     * Bounds the readable memory, where the OS does not list the library's mappings, to a span around the given
     * symbol addresses; does nothing where it does.
     */
    void boundAround(long... symbols) {
        if (ranges.length > 0) {
            return;
        }
        long low = Long.MAX_VALUE, high = 0;
        for (long s : symbols) {
            low = Math.min(low, s);
            high = Math.max(high, s);
        }
        ranges = new long[] { Math.max(1, low - MAX_LIBRARY_SPAN / 2), high + MAX_LIBRARY_SPAN / 2 };
    }

    private boolean readable(long address, int length) {
        long[] r = ranges;
        if (address <= 0) {
            return false;
        }
        for (int i = 0; i < r.length; i += 2) {
            if (address >= r[i] && address + length <= r[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private void require(long address, int length) {
        if (!readable(address, length)) {
            throw new IllegalStateException("address 0x" + Long.toHexString(address)
                    + " is outside the JVM library's memory");
        }
    }

    long readLong(long address) throws Throwable {
        require(address, Long.BYTES);
        return (long) longAt.invokeExact(address);
    }

    int readInt(long address) throws Throwable {
        require(address, Integer.BYTES);
        return (int) intAt.invokeExact(address);
    }

    /** @return the NUL-terminated string at the address, at most 128 characters */
    String readString(long address) throws Throwable {
        StringBuilder text = new StringBuilder();
        for (long a = address; text.length() < 128; a++) {
            require(a, 1);
            byte b = (byte) byteAt.invokeExact(a);
            if (b == 0) {
                return text.toString();
            }
            text.append((char) b);
        }
        throw new IllegalStateException("no string at 0x" + Long.toHexString(address));
    }
}
