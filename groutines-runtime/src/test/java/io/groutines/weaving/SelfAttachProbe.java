package io.groutines.weaving;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/** Attaches to its own JVM with {@link SelfAttach} and prints what came of it, one {@code key=value} per line. */
public final class SelfAttachProbe {

    private SelfAttachProbe() {
    }

    /** Many threads ask for the weaver at once, each through {@link Agent#attach}: one attach, one weaver. */
    private static void race(int threads) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.List<Thread> all = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    Agent.attach(WeaveScope.empty());
                }
                catch (Throwable ex) {
                    errors.incrementAndGet();
                    ex.printStackTrace();
                }
            });
            all.add(thread);
            thread.start();
        }
        for (Thread thread : all) {
            thread.join();
        }
        System.out.println("errors=" + errors.get());
        System.out.println("mode=" + Weaving.mode());
        System.out.println("handoff=" + Path.of(Class.forName(SelfAttach.HANDOFF_CLASS, false, ClassLoader.getSystemClassLoader())
                .getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString().startsWith("groutines-attach-"));
        System.out.println("helpers=" + ProcessHandle.current().children().count());
    }

    /** Loaded only after the attach. */
    static final class Late {

        int value() {
            return 7;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("race")) {
            race(Integer.parseInt(args[1]));
            return;
        }
        long pid = ProcessHandle.current().pid();
        try {
            Instrumentation inst = SelfAttach.instrumentation();
            System.out.println("attached=" + (inst != null));
            System.out.println("redefinesModules=" + inst.isModifiableModule(Object.class.getModule()));
        }
        catch (IOException ex) {
            System.out.println("refused=" + ex.getMessage());
        }
        System.out.println("trigger=" + Files.exists(Path.of("/tmp/.attach_pid" + pid)));
        // a class loaded after the attach: another agent that instruments classes (JaCoCo) still does
        System.out.println("lateMethods=" + java.util.Arrays.stream(Late.class.getDeclaredMethods())
                .map(java.lang.reflect.Method::getName).sorted().toList());
        System.out.println("late=" + new Late().value());
        System.out.println("helpers=" + ProcessHandle.current().children().count());
        System.out.println("alive=true");
    }
}
