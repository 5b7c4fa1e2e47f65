package io.groutines.weaving;

import io.groutines.RequiredJdk;

import java.lang.instrument.Instrumentation;

/**
 * The class the JVM starts the groutines agent with: its jar's {@code Premain-Class} and {@code Agent-Class}. Compiled
 * for Java 17, unlike the rest of the runtime (see the runtime's build), so that any JVM can load it: on a JDK older
 * than groutines need ({@link RequiredJdk}) it says so in one line and weaves nothing, and the application goes on
 * without groutines; on a JDK that runs them it hands over to {@link Agent}.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    /**
     * Entry point for {@code -javaagent:}; see {@link Agent#premain}.
     * @param args optional weave scope entries, comma-separated
     * @param inst the instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        if (runsHere()) {
            Agent.premain(args, inst);
        }
    }

    /**
     * Entry point for an agent loaded into a running JVM; see {@link Agent#agentmain}.
     * @param args optional weave scope entries, comma-separated
     * @param inst the instrumentation
     */
    public static void agentmain(String args, Instrumentation inst) {
        if (runsHere()) {
            Agent.agentmain(args, inst);
        }
    }

    private static boolean runsHere() {
        if (RequiredJdk.isMet()) {
            return true;
        }
        System.err.println("[groutines] Groutines need JDK " + RequiredJdk.FEATURE + " or newer and this JVM is "
                + RequiredJdk.running() + " (" + System.getProperty("java.home") + "): the groutines agent weaves "
                + "nothing, and the application runs without groutines");
        return false;
    }
}
