package io.groutines.weaving;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/** Attaches to its own JVM with {@link SelfAttach} and prints what came of it, one {@code key=value} per line. */
public final class SelfAttachProbe {

    private SelfAttachProbe() {
    }

    public static void main(String[] args) {
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
        System.out.println("helpers=" + ProcessHandle.current().children().count());
        System.out.println("alive=true");
    }
}
