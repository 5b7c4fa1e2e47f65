package io.groutines.weaving;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.aspectj.bridge.AbortException;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.IMessageHandler;
import org.aspectj.weaver.tools.DefaultTrace;
import org.aspectj.weaver.tools.Trace;
import org.aspectj.weaver.tools.TraceFactory;

/**
 * Where the weaver's messages go. The generated {@code aop.xml} names this class with
 * {@code -XmessageHandlerClass:}, so AspectJ makes one per class loader it weaves for.
 *
 * <p>A weaving failure — an error, abort or failure message, or an exception out of the weaver — becomes one warning
 * (System.Logger {@value #LOGGER}, level WARNING) naming the class and the cause; the class is then loaded as it is,
 * unwoven, and the application goes on. Never an exception, never a stack trace on the console, never an
 * {@code ajcore.*.txt} file ({@link Agent} turns AspectJ's dump files off). Lesser messages (warnings, information,
 * what was woven) are printed as AspectJ prints them, and only when the weaver is asked for them:
 * {@code -Dgroutines.weave.verbose=true}.
 */
public final class WeaverMessages implements IMessageHandler {

    /** The name of the logger of the warnings. */
    public static final String LOGGER = "io.groutines.weaving";

    /** The classes (or, outside a class, the messages) already warned about, with the cause: one warning each. */
    private static final Map<String, String> WARNED = new ConcurrentHashMap<>();

    private final Set<IMessage.Kind> ignored = ConcurrentHashMap.newKeySet();

    /** AspectJ makes it, by name. */
    public WeaverMessages() {
        ignored.add(IMessage.DEBUG);
        ignored.add(IMessage.INFO);
        ignored.add(IMessage.WEAVEINFO);
        ignored.add(IMessage.USAGE);
        ignored.add(IMessage.TASKTAG);
    }

    @Override
    public boolean handleMessage(IMessage message) throws AbortException {
        IMessage.Kind kind = message.getKind();
        if (IMessage.ERROR.isSameOrLessThan(kind)) {
            failed(ScopedWeaver.currentClass(), message.getThrown(), message.getMessage());
        }
        else if (!isIgnoring(kind)) {
            System.err.println("[groutines] weaver: " + message);
        }
        return true;
    }

    @Override
    public boolean isIgnoring(IMessage.Kind kind) {
        return ignored.contains(kind);
    }

    @Override
    public void dontIgnore(IMessage.Kind kind) {
        if (kind != null) {
            ignored.remove(kind);
        }
    }

    @Override
    public void ignore(IMessage.Kind kind) {
        if (kind != null) {
            ignored.add(kind);
        }
    }

    /**
     * Reports that a class could not be woven, once per class.
     * @param className the class being woven, or null when the failure belongs to none
     * @param cause what went wrong, or null
     * @param text the weaver's words, used when there is no cause
     */
    static void failed(String className, Throwable cause, String text) {
        if (className != null) {
            ScopedWeaver.failed(className); // never kept in the weaving cache: tried, and reported, again next time
        }
        String key = className != null ? className : String.valueOf(text);
        String why = cause != null ? describe(cause) : firstLine(text);
        if (WARNED.putIfAbsent(key, why) != null) {
            return;
        }
        if (className != null) {
            Weaving.failed();
        }
        String what = className != null
                ? "The weaver could not weave " + className + ", which runs unwoven: its calls reach no groutine (" + why + ")"
                : "The weaver reported an error: " + why;
        try {
            System.getLogger(LOGGER).log(System.Logger.Level.WARNING, what);
        }
        catch (RuntimeException | LinkageError ex) {
            System.err.println("[groutines] WARN " + what);
        }
    }

    /**
     * @param className a binary class name
     * @return why the weaver failed on a class of that name, as its warning said; empty when it did not
     */
    static Optional<String> failure(String className) {
        return Optional.ofNullable(WARNED.get(className));
    }

    /** The exception and its root cause, on one line. */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = firstLine(cause.toString());
        return root == cause ? text : text + "; caused by " + firstLine(root.toString());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        String line = text.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    /**
     * AspectJ's trace, which its class-loading entry point writes an exception to before it gives the class back
     * unwoven: here that is the same one warning per class. Named by the system property
     * {@code org.aspectj.tracing.factory}, which the {@link Agent} sets unless it was set already.
     */
    public static final class Tracing extends TraceFactory {

        /** AspectJ makes it, by name. */
        public Tracing() {
        }

        @Override
        public Trace getTrace(@SuppressWarnings("rawtypes") Class clazz) {
            return new Quiet(clazz);
        }
    }

    /** Errors become {@link #failed} warnings; the rest of the trace is silent unless the weaver is verbose. */
    private static final class Quiet extends DefaultTrace {

        private static final boolean VERBOSE = Boolean.getBoolean(WeaveScope.VERBOSE_PROPERTY);

        Quiet(Class<?> clazz) {
            super(clazz);
        }

        @Override
        public void debug(String message) {
            if (VERBOSE) {
                super.debug(message);
            }
        }

        @Override
        public void info(String message) {
            if (VERBOSE) {
                super.info(message);
            }
        }

        @Override
        public void warn(String message, Throwable th) {
            if (VERBOSE) {
                super.warn(message, th);
            }
        }

        @Override
        public void error(String message, Throwable th) {
            failed(className(message), th, message);
        }

        @Override
        public void fatal(String message, Throwable th) {
            failed(className(message), th, message);
        }

        /** AspectJ's loader passes the internal name of the class it failed on as the message. */
        private static String className(String message) {
            String current = ScopedWeaver.currentClass();
            if (current != null) {
                return current;
            }
            return message != null && !message.isBlank() && message.indexOf(' ') < 0 ? message.replace('/', '.') : null;
        }
    }

    /** Only for the tests: forgets which classes were warned about. */
    static void reset() {
        WARNED.clear();
    }
}
