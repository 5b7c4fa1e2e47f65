package io.groutines.weaving;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * What the weaver made of each class, kept on disk so that a later JVM weaves nothing it wove before: a second start
 * of the same build — or the next test JVM, or a DevTools restart — takes the woven bytes from here and never starts
 * AspectJ's weaver for those classes.
 *
 * <p>An entry is found by the class's name, the length of its bytes as the JVM hands them to the weaver (after any
 * agent before this one) and two checksums of them (CRC-32C and CRC-32: 64 bits that every change of a class changes
 * but for a chance of 2<sup>-64</sup>; computed by the JDK's own code, which needs none of the start-up of a
 * cryptographic hash), in a directory named by the weaver's own identity: the groutines aspects' class files, the
 * weaver's options and AspectJ's version. The entry repeats the class's name, and a mismatch is a miss. So a changed class misses exactly its own entry, and another build of
 * groutines or AspectJ uses another directory (the old ones are deleted). Whether a class is given to the weaver at
 * all — the {@link WeaveScope} — is decided before the cache is asked, so a class that leaves the scope is simply
 * not woven and one that enters it is woven once. An entry holds the woven bytes (or that the weaver left the class
 * as it was) and the classes AspectJ generated with it (the closures of methods with nine or more parameters), which
 * are defined again when the entry is used. A class the weaver failed on is never kept: it is tried again, and
 * reported again, at the next start.
 *
 * <p>Where: {@value #DIR_PROPERTY}, by default {@code groutines-weave-cache} in the user's temporary directory
 * ({@code java.io.tmpdir}, with the user's name). Clearing it is deleting that directory; entries unused for
 * {@value #STALE_DAYS} days are deleted at a JVM's start. {@code -D}{@value #ENABLED_PROPERTY}{@code =false} switches
 * it off. It is used only in the launches that the production guard allows (tests, development runs, a packaged
 * application explicitly allowed at launch), and not with {@link WeaveScope#VERBOSE_PROPERTY}, which wants to see the
 * weaver at work.
 */
final class WeaveCache {

    /** System property: the directory of the cache. */
    static final String DIR_PROPERTY = "groutines.weave.cache.dir";

    /** System property: {@code false} switches the cache off. */
    static final String ENABLED_PROPERTY = "groutines.weave.cache";

    static final int STALE_DAYS = 14;

    private static final int MAGIC = 0x67776331; // "gwc1"

    private static final String SUFFIX = ".woven";

    private final Path dir;

    private volatile MethodHandle defineClass;

    private WeaveCache(Path dir) {
        this.dir = dir;
    }

    /**
     * @param base the cache's directory
     * @param weaver what identifies the weaver: the aspects' class files and the weaver's options
     * @return the cache of this weaver in that directory, or null when the directory cannot be written
     */
    static WeaveCache open(Path base, byte[] weaver) {
        Path dir = base.resolve(checksums(weaver));
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return null;
            }
        }
        catch (IOException | SecurityException ex) {
            return null;
        }
        WeaveCache cache = new WeaveCache(dir);
        Thread prune = new Thread(() -> cache.prune(base), "groutines-weave-cache-prune");
        prune.setDaemon(true);
        prune.setPriority(Thread.MIN_PRIORITY);
        prune.start();
        return cache;
    }

    /** @return the default directory: {@code groutines-weave-cache-USER} in {@code java.io.tmpdir} */
    static Path defaultDir() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "groutines-weave-cache-" + user);
    }

    /** @return the directory of this weaver's entries */
    Path dir() {
        return this.dir;
    }

    /**
     * @param className the class's binary name
     * @param original the bytes given to the weaver
     * @return what the weaver made of them before, or null when this cache does not know
     */
    Entry get(String className, byte[] original) {
        Path file = fileOf(className, original);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (IOException | SecurityException ex) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(className)) {
                return null;
            }
            byte[] woven = in.readBoolean() ? readBytes(in) : null;
            int generatedCount = in.readInt();
            List<Generated> generated = new ArrayList<>(generatedCount);
            for (int i = 0; i < generatedCount; i++) {
                generated.add(new Generated(in.readUTF(), readBytes(in)));
            }
            touch(file);
            return new Entry(woven, generated);
        }
        catch (IOException | RuntimeException ex) { // a torn or foreign file: weave again, and write it anew
            return null;
        }
    }

    /**
     * @param className the class's binary name
     * @param original the bytes the JVM hands the weaver
     * @return whether the cache has an entry for exactly these bytes (not read: {@link #get} reads it, and misses a
     *         torn one); an entry found is kept as used, as {@link #get} keeps it, so that the classes a start does
     *         not load are not pruned while the application is started
     */
    boolean has(String className, byte[] original) {
        Path file = fileOf(className, original);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        touch(file);
        return true;
    }

    /**
     * Keeps what the weaver made of a class. Written to a temporary file and moved into place, so that JVMs that
     * share the cache (parallel test forks) never read half an entry.
     * @param className the class's binary name
     * @param original the bytes given to the weaver
     * @param entry what it made of them
     */
    void put(String className, byte[] original, Entry entry) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(
                64 + (entry.woven() == null ? 0 : entry.woven().length));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeUTF(className);
            out.writeBoolean(entry.woven() != null);
            if (entry.woven() != null) {
                writeBytes(out, entry.woven());
            }
            out.writeInt(entry.generated().size());
            for (Generated generated : entry.generated()) {
                out.writeUTF(generated.name());
                writeBytes(out, generated.bytes());
            }
        }
        catch (IOException ex) {
            return;
        }
        Path file = fileOf(className, original);
        // a name of this process and thread, not a random one: a random name costs the start of a SecureRandom
        Path temporary = this.dir.resolve("entry-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId()
                + "-" + System.nanoTime() + ".tmp");
        try {
            Files.write(temporary, buffer.toByteArray());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException | SecurityException ex) {
            // the cache is a help, never a condition: this class is woven again at the next start
            try {
                Files.deleteIfExists(temporary);
            }
            catch (IOException | SecurityException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * Defines the classes AspectJ generated with a woven class, as it did when it wove it: in the class's loader and
     * protection domain, before the class itself is defined.
     * @return false when one of them could not be defined (the entry must not be used)
     */
    boolean defineGenerated(Entry entry, ClassLoader loader, ProtectionDomain domain) {
        for (Generated generated : entry.generated()) {
            try {
                defineClass().invoke(generated.name(), generated.bytes(), 0, generated.bytes().length, loader, domain);
            }
            catch (LinkageError ex) {
                // defined already (by an earlier weave of the same class in this loader): the same bytes
            }
            catch (Throwable ex) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code jdk.internal.misc.Unsafe.defineClass}, which AspectJ uses too; its package is exported by the agent to
     * this module (so this class's own lookup, not the public one, reaches it).
     */
    private MethodHandle defineClass() throws ReflectiveOperationException {
        MethodHandle handle = this.defineClass;
        if (handle == null) {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            handle = MethodHandles.lookup().findVirtual(unsafeClass, "defineClass", MethodType.methodType(
                    Class.class, String.class, byte[].class, int.class, int.class, ClassLoader.class,
                    ProtectionDomain.class)).bindTo(unsafe);
            this.defineClass = handle;
        }
        return handle;
    }

    private Path fileOf(String className, byte[] original) {
        return this.dir.resolve(className + "-" + checksums(original) + SUFFIX);
    }

    /** The length and two checksums of some bytes, as 24 hex digits. */
    private static String checksums(byte[] bytes) {
        return HexFormat.of().toHexDigits(bytes.length) + HexFormat.of().toHexDigits((int) checksum(new CRC32C(), bytes))
                + HexFormat.of().toHexDigits((int) checksum(new CRC32(), bytes));
    }

    private static long checksum(Checksum checksum, byte[] bytes) {
        checksum.update(bytes, 0, bytes.length);
        return checksum.getValue();
    }

    /** Entries of this weaver unused for {@value #STALE_DAYS} days, and every other weaver's, are deleted. */
    private void prune(Path base) {
        Instant stale = Instant.now().minus(Duration.ofDays(STALE_DAYS));
        try (DirectoryStream<Path> weavers = Files.newDirectoryStream(base)) {
            for (Path weaver : weavers) {
                boolean other = !weaver.equals(this.dir);
                if (!Files.isDirectory(weaver) || other && Files.getLastModifiedTime(weaver).toInstant().isAfter(stale)) {
                    continue; // another weaver's entries are kept while it is in use (another project, another build)
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(weaver)) {
                    for (Path entry : entries) {
                        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                        FileTime time = Files.getLastModifiedTime(entry);
                        if ((name.endsWith(SUFFIX) || name.endsWith(".tmp")) && (other || time.toInstant().isBefore(stale))) {
                            Files.deleteIfExists(entry);
                        }
                    }
                }
                if (other) {
                    Files.deleteIfExists(weaver);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // pruning is housekeeping: the next start tries again
        }
    }

    /** A used entry is young again; its weaver's directory too, so that pruning knows which weavers are in use. */
    private void touch(Path file) {
        try {
            FileTime now = FileTime.from(Instant.now());
            Files.setLastModifiedTime(file, now);
            Files.setLastModifiedTime(this.dir, now);
        }
        catch (IOException | SecurityException ex) {
            // an entry that looks older is pruned earlier: woven again then
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (64 << 20)) {
            throw new IOException("entry length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("entry cut short");
        }
        return bytes;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * What the weaver made of a class.
     * @param woven the woven bytes; null when the weaver left the class as it was
     * @param generated the classes AspectJ generated for it, in the order it defined them
     */
    record Entry(byte[] woven, List<Generated> generated) {

        Entry {
            generated = List.copyOf(generated);
        }
    }

    /**
     * A class AspectJ generated while it wove another.
     * @param name its binary name
     * @param bytes its class file
     */
    record Generated(String name, byte[] bytes) {
    }
}
