package io.groutines.internal;

import io.groutines.Phase;

import java.lang.reflect.Member;

/**
 * What one suspended task waits for: a call of a {@link Target} at a phase (optionally on one instance), a named
 * event, or a switch from its parent. Internal; not API.
 */
public final class Waiter {

    /** The kinds of things a task can wait for. */
    public enum Kind {
        /** A call of a target. */
        CALL,
        /** A custom event. */
        EVENT,
        /** A direct switch from the code that resumed it. */
        PARENT
    }

    final Task task;

    final Kind kind;

    final Target target;

    final Object instance;

    final Phase phase;

    final String event;

    final String[] argNames;

    long sequence;

    boolean registered;

    private Waiter(Task task, Kind kind, Target target, Object instance, Phase phase, String event, String[] argNames) {
        this.task = task;
        this.kind = kind;
        this.target = target;
        this.instance = instance;
        this.phase = phase;
        this.event = event;
        this.argNames = argNames;
    }

    static Waiter call(Task task, Target target, Object instance, Phase phase, String[] argNames) {
        return new Waiter(task, Kind.CALL, target, instance, phase, null, argNames);
    }

    static Waiter event(Task task, String event) {
        return new Waiter(task, Kind.EVENT, null, null, null, event, null);
    }

    static Waiter parent(Task task) {
        return new Waiter(task, Kind.PARENT, null, null, null, null, null);
    }

    /** @return what kind of trigger this is */
    public Kind kind() {
        return kind;
    }

    /** @return the call target, for {@link Kind#CALL} */
    public Target target() {
        return target;
    }

    /** @return the phase, for {@link Kind#CALL} */
    public Phase phase() {
        return phase;
    }

    /** @return the event name, for {@link Kind#EVENT} */
    public String event() {
        return event;
    }

    boolean matches(Member callable, Object receiver, Phase at) {
        return phase == at && (instance == null || instance == receiver) && target.matches(callable, receiver);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CALL -> "FunctionCall(" + target.path() + (instance != null ? " on " + identity(instance) : "") + ") " + phase;
            case EVENT -> "Event(" + event + ")";
            case PARENT -> "a switch from its parent";
        };
    }

    private static String identity(Object o) {
        return o.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(o));
    }
}
