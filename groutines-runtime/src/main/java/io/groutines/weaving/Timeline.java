package io.groutines.weaving;

import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * What the weaver saw of the classes it came too late for: the moments it started and at which an application told
 * it what to weave ({@link Weaving#decide}, {@link Weaving#widen}), the scope in force after each, and for every class
 * already loaded at one of them, the first such moment. A class that is in the scope now but not woven was, if it is
 * here, loaded before the moment that put it in the scope; {@link Reach} says so, with who loaded it and what fixes
 * it in this launch.
 *
 * <p>Classes are held weakly: a class loader that a restart discards is collected with its classes. A moment holds
 * its application's class loader weakly too, and shares its scope with the moment before when they are equal, so a
 * restart adds a few dozen bytes.
 */
final class Timeline {

    /** What a moment was. */
    enum Kind {

        /** The weaver started with the JVM ({@code -javaagent}). */
        JVM_START,

        /** The weaver was attached to the running JVM. */
        ATTACH,

        /** An application said what to weave ({@link Weaving#decide}): one run of it. */
        RUN,

        /** A test's application context added what it needs ({@link Weaving#widen}). */
        TEST_CONTEXT
    }

    /**
     * One moment.
     * @param kind what it was
     * @param index its place in the timeline, from 0
     * @param restart for a {@link Kind#RUN}: an earlier run had another application class loader, so the application
     *        was restarted in this JVM (Spring Boot DevTools' restart, or any restart that reloads its classes)
     * @param application the application's class loader, weakly; empty at start
     * @param scope the scope in force from this moment on
     * @param off whether the weaver weaves nothing from this moment on
     */
    record Moment(Kind kind, int index, boolean restart, WeakReference<ClassLoader> application, WeaveScope scope,
            boolean off) {
    }

    private static Instrumentation instrumentation;

    private static final List<Moment> MOMENTS = new ArrayList<>();

    /** Each class already loaded at a moment, with the first such moment's index. */
    private static final Map<Class<?>, Integer> FIRST_SEEN = new WeakHashMap<>();

    private Timeline() {
    }

    /**
     * The weaver's transformer is installed: the classes loaded now are never woven.
     * @param inst the JVM's instrumentation, kept to see which classes are loaded at later moments
     * @param atJvmStart whether the weaver started with the JVM rather than attached later
     * @param scope the scope it starts with
     * @return the classes loaded now
     */
    static synchronized Class<?>[] started(Instrumentation inst, boolean atJvmStart, WeaveScope scope) {
        instrumentation = inst;
        return record(atJvmStart ? Kind.JVM_START : Kind.ATTACH, null, scope, false);
    }

    /**
     * An application said what to weave from now on.
     * @param kind {@link Kind#RUN} or {@link Kind#TEST_CONTEXT}
     * @param application its class loader
     * @param scope the scope in force from now on
     * @param off whether nothing is woven from now on
     * @return the classes loaded now, or none when the weaver was not started by the agent
     */
    static synchronized Class<?>[] decided(Kind kind, ClassLoader application, WeaveScope scope, boolean off) {
        if (instrumentation == null) {
            return new Class<?>[0];
        }
        return record(kind, application, scope, off);
    }

    private static Class<?>[] record(Kind kind, ClassLoader application, WeaveScope scope, boolean off) {
        int index = MOMENTS.size();
        boolean restart = false;
        if (kind == Kind.RUN) {
            for (Moment m : MOMENTS) {
                if (m.kind == Kind.RUN && m.application.get() != application) {
                    restart = true;
                    break;
                }
            }
        }
        Moment previous = MOMENTS.isEmpty() ? null : MOMENTS.get(index - 1);
        WeaveScope shared = previous != null && previous.scope.equals(scope) ? previous.scope : scope;
        MOMENTS.add(new Moment(kind, index, restart, new WeakReference<>(application), shared, off));
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        for (Class<?> c : loaded) {
            ClassLoader loader = c.getClassLoader();
            // JDK classes are never woven: no need to remember them
            if (loader != null && loader != platform && !c.isArray() && !c.isHidden()) {
                FIRST_SEEN.putIfAbsent(c, index);
            }
        }
        return loaded;
    }

    /** @return the latest moment; empty when the weaver was not started by the agent */
    static synchronized Optional<Moment> latest() {
        return MOMENTS.isEmpty() ? Optional.empty() : Optional.of(MOMENTS.get(MOMENTS.size() - 1));
    }

    /**
     * @return the application class loader that the latest decision replaced: the one of the run before, when the
     *         latest moment is a restart and that loader is neither the new one nor one it delegates to; else null
     */
    static synchronized ClassLoader replacedApplication() {
        Moment latest = MOMENTS.isEmpty() ? null : MOMENTS.get(MOMENTS.size() - 1);
        if (latest == null || !latest.restart) {
            return null;
        }
        ClassLoader now = latest.application.get();
        for (int i = latest.index - 1; i >= 0; i--) {
            Moment m = MOMENTS.get(i);
            if (m.kind == Kind.RUN) {
                ClassLoader before = m.application.get();
                for (ClassLoader l = now; l != null; l = l.getParent()) {
                    if (l == before) {
                        return null;
                    }
                }
                return before == ClassLoader.getSystemClassLoader() ? null : before;
            }
        }
        return null;
    }

    /**
     * @param first the moment before which a class was loaded
     * @param latest the latest moment
     * @return whether the class was loaded while a run of the application with another class loader than the latest
     *         one's ran: before a restart
     */
    static synchronized boolean loadedInAnEarlierRun(Moment first, Moment latest) {
        for (int i = first.index - 1; i >= 0; i--) {
            Moment m = MOMENTS.get(i);
            if (m.kind == Kind.RUN) {
                return m.application.get() != latest.application.get();
            }
        }
        return false;
    }

    /**
     * @param type a class in the scope now, not woven
     * @return the moment before which it was loaded, when the scope in force when it was loaded did not weave it (it
     *         loaded before the weaver, or before the moment that put it in the scope); empty when it was loaded while
     *         the scope weaved it, so that its timing is not why it is not woven
     */
    static synchronized Optional<Moment> loadedTooEarly(Class<?> type) {
        Integer index = FIRST_SEEN.get(type);
        if (index == null) {
            return Optional.empty();
        }
        Moment first = MOMENTS.get(index);
        if (index > 0) {
            Moment before = MOMENTS.get(index - 1);
            if (!before.off && before.scope.contains(type.getName())) {
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }
}
