package io.groutines;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the frame that made an intercepted call, for {@link Call#caller()}: walked on the calling thread while a
 * groutine handles the call. A groutine's continuation runs mounted on that thread, above the dispatch, so a
 * {@link StackWalker} started in the groutine walks its frames, the continuation's entry, the runtime's dispatch
 * ({@link Interception}), the woven method (or the proxy the call went through) and then the code that called it.
 */
final class Caller {

    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

    /**
     * The body of a woven method, moved by the weaver: by AspectJ's into {@code run_aroundBody0}, by the groutines'
     * own into {@code run$original}.
     */
    private static final Pattern MOVED_BODY = Pattern.compile("(.+?)(?:_aroundBody\\d+|\\$original)");

    private Caller() {
    }

    /**
     * @param callable the method or constructor whose execution was intercepted (for a proxied call: the target's)
     * @param invoked for a call through a proxy, the method invoked on it; {@code null} otherwise
     * @param proxy the proxy the call went through, or {@code null}
     * @return the first frame below the called method, or below the proxy, that is not machinery; {@code null} when
     *         the call's frames are not on this thread's stack
     */
    static StackTraceElement of(Executable callable, Executable invoked, Object proxy) {
        Class<?> anchor = proxy != null ? proxy.getClass() : callable.getDeclaringClass();
        String name = proxy != null ? invoked.getName() : callable instanceof Constructor<?> ? "<init>" : callable.getName();
        return WALKER.walk(frames -> {
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            boolean dispatched = false;
            while (it.hasNext()) {
                StackWalker.StackFrame frame = it.next();
                Class<?> type = frame.getDeclaringClass();
                if (type == Interception.class) {
                    dispatched = true;
                }
                else if (dispatched && type == anchor && frame.getMethodName().equals(name)) {
                    return below(it, anchor, name);
                }
            }
            return null;
        });
    }

    private static StackTraceElement below(Iterator<StackWalker.StackFrame> frames, Class<?> anchor, String name) {
        while (frames.hasNext()) {
            StackWalker.StackFrame frame = frames.next();
            // a bridge of the called method is the only frame of its own class and name that is machinery
            boolean bridge = frame.getDeclaringClass() == anchor && frame.getMethodName().equals(name)
                    && isBridge(anchor, frame);
            if (!bridge && !isMachinery(frame)) {
                StackTraceElement element = frame.toStackTraceElement();
                Matcher moved = MOVED_BODY.matcher(element.getMethodName());
                return moved.matches() ? renamed(element, moved.group(1)) : element;
            }
        }
        return null;
    }

    /**
     * The frame under the name of the method whose body AspectJ moved, printed as the JVM prints the frame: a class
     * loader's or module's name only where the JVM shows it (never for the JDK's built-in loaders).
     */
    private static StackTraceElement renamed(StackTraceElement element, String method) {
        String shown = element.toString();
        int at = shown.indexOf(element.getClassName() + "." + element.getMethodName());
        String prefix = at < 0 ? "" : shown.substring(0, at);
        String loader = element.getClassLoaderName() != null && prefix.startsWith(element.getClassLoaderName() + "/")
                ? element.getClassLoaderName() : null;
        String module = element.getModuleName() != null && prefix.contains(element.getModuleName())
                ? element.getModuleName() : null;
        String version = module != null && element.getModuleVersion() != null
                && prefix.contains("@" + element.getModuleVersion()) ? element.getModuleVersion() : null;
        return new StackTraceElement(loader, module, version, element.getClassName(), method, element.getFileName(),
                element.getLineNumber());
    }

    /**
     * Frames between a call and its caller that nobody wrote as a call: the weaver's advice, proxies and Spring AOP's
     * interceptor chain. Reflection's frames are not walked at all. (The runtime's dispatch is above the called
     * method, never below it.)
     */
    private static boolean isMachinery(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        String className = type.getName();
        String method = frame.getMethodName();
        return method.startsWith("ajc$") || method.endsWith("$advice") || className.contains("$$")
                || Proxy.isProxyClass(type) || className.startsWith("org.aspectj.")
                || className.startsWith("org.springframework.aop.") || className.startsWith("org.springframework.cglib.");
    }

    private static boolean isBridge(Class<?> type, StackWalker.StackFrame frame) {
        try {
            Method method = type.getDeclaredMethod(frame.getMethodName(), frame.getMethodType().parameterArray());
            return method.isBridge();
        }
        catch (NoSuchMethodException | RuntimeException | LinkageError ex) {
            return false; // a constructor, an initializer, or a method reflection cannot show
        }
    }
}
