package io.groutines.weaving;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The weaver's Java Flight Recorder events: where the agent's start-up time goes, for a recording started with the
 * JVM ({@code -XX:StartFlightRecording}) or later ({@code jcmd PID JFR.start}); {@code bench/startup-profile.sh} sums
 * them. Nothing of Flight Recorder is touched while no recording was ever started in the JVM (its first event class
 * would set up the recorder, hundreds of classes), nor on a JVM without the {@code jdk.jfr} module.
 */
final class WeaverEvents {

    /** Whether this JVM has the recorder at all; asked once. */
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    /** The agent's start, measured before the recorder runs (it starts after the agent): committed when it can be. */
    private static final AtomicReference<Start> PENDING_START = new AtomicReference<>();

    private WeaverEvents() {
    }

    /** @return whether a recording may take events now: one was started in this JVM */
    static boolean recording() {
        return PRESENT && Recorder.initialized();
    }

    /**
     * The agent has started: committed at once when a recording runs, else with the first event that finds one.
     * @param start what the start took
     */
    static void started(Start start) {
        PENDING_START.set(start);
        if (recording()) {
            commitPendingStart();
        }
    }

    /** @return an event for one class given to the weaver, begun; null when no recording runs */
    static Object beginWeave() {
        if (!recording()) {
            return null;
        }
        commitPendingStart();
        WeaveEvent event = new WeaveEvent();
        event.begin();
        return event;
    }

    /**
     * Ends the event {@link #beginWeave} returned.
     * @param event that event, or null
     * @param className the class
     * @param loader its class loader
     * @param outcome what became of it: {@code woven}, {@code unchanged}, {@code cached}, {@code cached unchanged},
     *        {@code failed}; on the thread that weaves ahead ({@link WeaveAhead}) the same followed by {@code ahead};
     *        {@code ahead}, {@code ahead unchanged}: taken as woven ahead by the thread that loads the class
     * @param firstOfLoader whether AspectJ set up its weaver for this loader while weaving the class
     */
    static void endWeave(Object event, String className, ClassLoader loader, String outcome, boolean firstOfLoader) {
        endWeave(event, className, loader, outcome, firstOfLoader, null);
    }

    /**
     * Ends the event {@link #beginWeave} returned, for a class a weaver was given.
     * @param weaver which weaver it was: {@code direct} ({@link DirectWeaver}) or {@code AspectJ}
     */
    static void endWeave(Object event, String className, ClassLoader loader, String outcome, boolean firstOfLoader,
            String weaver) {
        if (event instanceof WeaveEvent weave) {
            weave.end();
            if (weave.shouldCommit()) {
                weave.className = className;
                weave.loader = loader.getClass().getName();
                weave.outcome = outcome;
                weave.firstOfLoader = firstOfLoader;
                weave.weaver = weaver;
                weave.commit();
            }
        }
    }

    private static void commitPendingStart() {
        if (PENDING_START.get() == null) {
            return;
        }
        AgentStartEvent event = new AgentStartEvent();
        // kept pending until a recording takes it: the recorder may be initialized before the event is enabled
        Start start = event.shouldCommit() ? PENDING_START.getAndSet(null) : null;
        if (start != null) {
            event.how = start.how();
            event.scan = start.scanNanos();
            event.weaverStart = start.weaverStartNanos();
            event.applicationClasses = start.applicationClasses();
            event.groutineClasses = start.groutineClasses();
            event.scope = start.scope();
            event.cache = start.cache();
            event.commit();
        }
    }

    /**
     * What the agent's start took.
     * @param how {@code premain}, {@code attach} or {@code agentmain}
     * @param scanNanos reading the application's code for its classes and its {@code @Groutines} classes
     * @param weaverStartNanos opening the continuations, writing the weaver's configuration, installing the gate
     * @param applicationClasses the application's classes woven from the start
     * @param groutineClasses the {@code @Groutines} classes found
     * @param scope the weave scope it started with
     * @param cache the weaving cache's directory, or why there is none
     */
    record Start(String how, long scanNanos, long weaverStartNanos, int applicationClasses, int groutineClasses,
            String scope, String cache) {
    }

    /** Keeps {@link FlightRecorder} out of {@link WeaverEvents}'s own loading, for JVMs without {@code jdk.jfr}. */
    private static final class Recorder {

        static boolean initialized() {
            return FlightRecorder.isInitialized();
        }
    }

    @Name("io.groutines.AgentStart")
    @Label("Groutines Agent Start")
    @Category({ "Groutines", "Weaving" })
    @Description("The groutines agent started: what its scan of the application's code and the weaver's set-up took")
    @StackTrace(false)
    static final class AgentStartEvent extends Event {

        @Label("How")
        String how;

        @Label("Scan")
        @Timespan
        long scan;

        @Label("Weaver Start")
        @Timespan
        long weaverStart;

        @Label("Application Classes")
        int applicationClasses;

        @Label("Groutine Classes")
        int groutineClasses;

        @Label("Weave Scope")
        String scope;

        @Label("Weaving Cache")
        String cache;
    }

    @Name("io.groutines.Weave")
    @Label("Groutines Weave")
    @Category({ "Groutines", "Weaving" })
    @Description("A class given to the weaver, or served from the weaving cache, while it was loaded")
    @StackTrace(false)
    static final class WeaveEvent extends Event {

        @Label("Class")
        String className;

        @Label("Class Loader")
        String loader;

        @Label("Outcome")
        @Description("woven, unchanged, cached, cached unchanged, failed; on the thread that weaves ahead, followed by "
                + "'ahead'; ahead, ahead unchanged: taken as woven ahead by the thread that loads the class")
        String outcome;

        @Label("Weaver")
        @Description("direct (the groutines' own weaver) or AspectJ; none for a class taken from the cache or as woven ahead")
        String weaver;

        @Label("Weaver Set-Up")
        @Description("AspectJ set up its weaver for this class loader (its world, the aspects) while weaving this class")
        boolean firstOfLoader;
    }
}
