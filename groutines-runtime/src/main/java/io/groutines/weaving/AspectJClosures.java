package io.groutines.weaving;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The closure classes AspectJ generated while it wove a class: for around advice it cannot inline (the
 * {@code WideCalls} advice of methods with nine or more parameters), it defines a class {@code Outer$AjcClosureN}
 * beside the woven one. The weaving cache keeps them with the class, to define them again when it hands out the
 * class's woven bytes. AspectJ offers no API for them and defines them where no transformer sees it (the JVM does
 * not call transformers again while one runs on the thread), so they are read from its weaver for the class loader,
 * by reflection; where that fails — another AspectJ version — {@link #of} says so, and the class is not kept.
 */
final class AspectJClosures {

    private static final String CLOSURE = "$AjcClosure";

    private AspectJClosures() {
    }

    /**
     * @param woven the bytes AspectJ made of a class
     * @param className the class's binary name
     * @return whether they use a closure class of AspectJ's
     */
    static boolean uses(byte[] woven, String className) {
        // the constant pool holds the closure's internal name in (modified) UTF-8, which Latin-1 decodes byte for byte
        return new String(woven, StandardCharsets.ISO_8859_1).contains(className.replace('.', '/') + CLOSURE);
    }

    /**
     * @param loader the class loader AspectJ wove the class for
     * @param className the class's binary name
     * @return the closures AspectJ generated for it and defined in that loader, in the order of their numbers; null
     *         when they cannot be read
     */
    static List<WeaveCache.Generated> of(ClassLoader loader, String className) {
        if (Weaver.GET_WEAVER == null) {
            return null;
        }
        List<WeaveCache.Generated> closures = new ArrayList<>();
        try {
            Object adaptor = Weaver.GET_WEAVER.invoke(null, loader, null);
            synchronized (loader) { // AspectJ weaves for a loader under its lock
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) Weaver.GENERATED.get(adaptor)).entrySet()) {
                    String name = String.valueOf(entry.getKey()).replace('/', '.');
                    if (name.startsWith(className + CLOSURE) && name.indexOf('$', className.length() + 1) < 0) {
                        closures.add(new WeaveCache.Generated(name, (byte[]) Weaver.BYTES.invoke(entry.getValue())));
                    }
                }
            }
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
        closures.sort((a, b) -> Integer.compare(number(a.name()), number(b.name())));
        return closures;
    }

    /** AspectJ's weaver for a class loader, and its generated classes: loaded only when a class was woven. */
    private static final class Weaver {

        static final Method GET_WEAVER;

        static final Field GENERATED;

        static final Method BYTES;

        static {
            Method getWeaver = null;
            Field generated = null;
            Method bytes = null;
            try {
                Class<?> container = Class.forName("org.aspectj.weaver.loadtime.Aj$WeaverContainer");
                getWeaver = container.getDeclaredMethod("getWeaver", ClassLoader.class,
                        Class.forName("org.aspectj.weaver.loadtime.IWeavingContext"));
                getWeaver.setAccessible(true);
                generated = Class.forName("org.aspectj.weaver.tools.WeavingAdaptor").getDeclaredField("generatedClasses");
                generated.setAccessible(true);
                bytes = Class.forName("org.aspectj.weaver.IUnwovenClassFile").getMethod("getBytes");
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                getWeaver = null;
            }
            GET_WEAVER = getWeaver;
            GENERATED = generated;
            BYTES = bytes;
        }
    }

    private static int number(String closure) {
        try {
            return Integer.parseInt(closure.substring(closure.lastIndexOf(CLOSURE) + CLOSURE.length()));
        }
        catch (NumberFormatException ex) {
            return Integer.MAX_VALUE;
        }
    }
}
