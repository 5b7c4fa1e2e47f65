package io.groutines.weaving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Gets this JVM's {@link Instrumentation} by loading an agent into it through HotSpot's attach mechanism on Linux,
 * from this process itself: the steps the JDK's attach client takes ({@code jcmd}, {@code VirtualMachine.loadAgent}),
 * without a second JVM. The JDK's client refuses a JVM's own process unless it was started with
 * {@code -Djdk.attach.allowAttachSelf=true}, which is why {@code byte-buddy-agent} starts a helper JVM to attach
 * (a JVM's start, about a third of a second, on the application's start); the JVM itself makes no such distinction.
 *
 * <p>The steps: unless the JVM's attach listener runs already, a trigger file {@code /tmp/.attach_pid<pid>} and a
 * {@code SIGQUIT} (sent by {@code kill}) start it — only when the process catches {@code SIGQUIT} (its signal mask
 * in {@code /proc/self/status}) and the JVM's attach mechanism is on; then, over its socket {@code /tmp/.java_pid<pid>}, the command
 * {@code load instrument} with a jar of one class, written to the temporary directory, whose {@code agentmain} keeps
 * the instrumentation where this class reads it. As with any agent loaded into a running JVM, the JDK prints its
 * warning unless the JVM was started with {@code -XX:+EnableDynamicAgentLoading}. Anything else (another operating
 * system, another JVM, a refusal) is an {@link IOException}, and the caller attaches another way.
 */
final class SelfAttach {

    /** The class of the jar loaded as the agent: it keeps the instrumentation in a static field. */
    static final String HANDOFF_CLASS = "groutines.attach.Handoff";

    private static final String FIELD = "instrumentation";

    /** HotSpot's directory for its attach files on Linux, whatever {@code java.io.tmpdir} says. */
    private static final Path HOTSPOT_TMP = Path.of("/tmp");

    /** How long the JVM may take to start its attach listener. */
    private static final long LISTENER_MILLIS = 5_000;

    /** The bit of SIGQUIT (3) in the signal masks of {@code /proc/self/status}. */
    private static final long SIGQUIT = 1L << 2;

    private SelfAttach() {
    }

    /**
     * @return this JVM's instrumentation, from an agent loaded into it
     * @throws IOException when this JVM cannot be attached to this way; the reason is the message
     */
    static Instrumentation instrumentation() throws IOException {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            throw new IOException("not Linux");
        }
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            throw new IOException("not a HotSpot JVM: " + vm);
        }
        long pid = ProcessHandle.current().pid();
        Path socket = HOTSPOT_TMP.resolve(".java_pid" + pid);
        if (!Files.exists(socket)) {
            startListener(pid, socket);
        }
        Path jar = handoffJar();
        try {
            load(socket, jar);
            Class<?> handoff = Class.forName(HANDOFF_CLASS, true, ClassLoader.getSystemClassLoader());
            Object instrumentation = handoff.getField(FIELD).get(null);
            if (!(instrumentation instanceof Instrumentation inst)) {
                throw new IOException("the agent loaded, but left no instrumentation");
            }
            return inst;
        }
        catch (ReflectiveOperationException | LinkageError ex) {
            throw new IOException("the agent's class cannot be read: " + ex, ex);
        }
    }

    /** Starts the JVM's attach listener as the JDK's client does: a trigger file, then SIGQUIT. */
    private static void startListener(long pid, Path socket) throws IOException {
        if (attachMechanismDisabled()) {
            throw new IOException("the JVM runs with -XX:+DisableAttachMechanism");
        }
        if (!catchesQuit()) {
            // not caught, SIGQUIT would end the process; ignored, it would do nothing. Read from the process, not
            // deduced from flags: HotSpot 25 still catches it under -Xrs
            throw new IOException("the JVM does not catch SIGQUIT");
        }
        Path trigger = HOTSPOT_TMP.resolve(".attach_pid" + pid);
        try {
            Files.deleteIfExists(trigger);
            Files.createFile(trigger);
        }
        catch (IOException ex) {
            throw new IOException("cannot write " + trigger + ": " + ex.getMessage(), ex);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(LISTENER_MILLIS, TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                kill.destroy();
                throw new IOException("kill -QUIT " + pid + " failed");
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LISTENER_MILLIS);
            while (!Files.exists(socket)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the JVM did not start its attach listener (" + socket + ")");
                }
                Thread.sleep(5);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the JVM started its attach listener", ex);
        }
        finally {
            Files.deleteIfExists(trigger);
        }
    }

    private static boolean attachMechanismDisabled() throws IOException {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("DisableAttachMechanism").getValue());
        }
        catch (RuntimeException | LinkageError ex) {
            throw new IOException("the JVM's options cannot be read: " + ex, ex);
        }
    }

    /** Whether this process catches SIGQUIT and does not ignore it ({@code /proc/self/status}). */
    private static boolean catchesQuit() throws IOException {
        long caught = 0;
        long ignored = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigCgt:")) {
                caught = Long.parseUnsignedLong(line.substring(7).strip(), 16);
            }
            else if (line.startsWith("SigIgn:")) {
                ignored = Long.parseUnsignedLong(line.substring(7).strip(), 16);
            }
        }
        return (caught & SIGQUIT) != 0 && (ignored & SIGQUIT) == 0;
    }

    /** Sends {@code load instrument false <jar>} (protocol 1) and checks the JVM's answer and the agent's. */
    private static void load(Path socket, Path jar) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            for (String part : List.of("1", "load", "instrument", "false", jar.toString())) {
                request.writeBytes(part.getBytes(StandardCharsets.UTF_8));
                request.write(0);
            }
            ByteBuffer buffer = ByteBuffer.wrap(request.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            String reply;
            try (InputStream in = Channels.newInputStream(channel)) {
                reply = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            // "<status>\n<message>": status 0, and the agent's "return code: 0"
            String[] lines = reply.split("\n", 2);
            String message = lines.length > 1 ? lines[1].strip() : "";
            if (!lines[0].strip().equals("0") || !message.equals("return code: 0")) {
                throw new IOException("the JVM refused to load the agent: " + reply.replace('\n', ' '));
            }
        }
    }

    /** A jar in the temporary directory, deleted when the JVM exits: the one class that keeps the instrumentation. */
    private static Path handoffJar() throws IOException {
        Path jar = Files.createTempFile("groutines-attach-", ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", HANDOFF_CLASS);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(HANDOFF_CLASS.replace('.', '/') + ".class"));
            out.write(handoffClass());
            out.closeEntry();
        }
        return jar;
    }

    /** {@code public final class Handoff { public static volatile Instrumentation instrumentation; agentmain(...) }} */
    static byte[] handoffClass() {
        ClassDesc self = ClassDesc.of(HANDOFF_CLASS);
        ClassDesc instrumentation = ClassDesc.of(Instrumentation.class.getName());
        return ClassFile.of().build(self, type -> {
            type.withVersion(ClassFile.JAVA_17_VERSION, 0)
                    .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                    .withSuperclass(ConstantDescs.CD_Object);
            type.withField(FIELD, instrumentation, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC | ClassFile.ACC_VOLATILE);
            type.withMethodBody("agentmain", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String, instrumentation),
                    ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                    code -> code.aload(1).putstatic(self, FIELD, instrumentation).return_());
        });
    }
}
