package io.groutines.weaving;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;

/**
 * What the code that {@link DirectWeaver} writes into a class calls, besides {@link io.groutines.Interception}: the
 * bootstraps of the constants that name a woven method or constructor, the conversions of a groutine's arguments and
 * results to primitive types, and a constructor's ENTER and EXIT. Public only because woven classes, in any package,
 * call it; not for applications.
 *
 * <p>The conversions are AspectJ's ({@code org.aspectj.runtime.internal.Conversions}), so that a call behaves the same
 * whichever weaver wove its class: {@code null} becomes zero or {@code false}, a {@link Number} any numeric type, and
 * anything else a {@link ClassCastException}.
 */
public final class WovenCode {

    /** The static field the direct weaver adds to each class it changes ({@link Weaving#isWoven}). */
    static final String MARKER = "groutines$woven";

    /** The suffix of the method that holds a woven method's original body: {@code save$original}. */
    static final String ORIGINAL = "$original";

    private static final Integer ZERO = 0;

    private WovenCode() {
    }

    /**
     * Bootstrap of the constant that names a woven method: resolved once per method, at its first armed call.
     * @param lookup the woven class's lookup
     * @param name unused
     * @param type {@code Method}
     * @param method a direct handle of the woven method itself
     * @return the method, as reflection sees it
     */
    public static Object method(MethodHandles.Lookup lookup, String name, Class<?> type, MethodHandle method) {
        return lookup.revealDirect(method).reflectAs(Method.class, lookup);
    }

    /**
     * Bootstrap of the constant that names a woven constructor.
     * @param lookup the woven class's lookup
     * @param name unused
     * @param type {@code Constructor}
     * @param parameters the constructor's type, returning {@code void}
     * @return the constructor of the woven class with those parameters
     * @throws NoSuchMethodException never: the constant is written in the constructor it names
     */
    public static Object constructor(MethodHandles.Lookup lookup, String name, Class<?> type, MethodType parameters)
            throws NoSuchMethodException {
        return lookup.lookupClass().getDeclaredConstructor(parameters.parameterArray());
    }

    /**
     * ENTER of a constructor's execution, after its {@code super(...)} or {@code this(...)} call.
     * @param constructor the constructor
     * @param self the object under construction
     * @param args the constructor's arguments
     */
    public static void constructing(Executable constructor, Object self, Object[] args) {
        Constructions.enter((Constructor<?>) constructor, self, args);
    }

    /** @return whether any constructor's ENTER, on any thread, waits for its EXIT */
    public static boolean pending() {
        return Constructions.pending();
    }

    /**
     * EXIT of a constructor's execution.
     * @param self the new object
     * @param thrown what the constructor threw, or {@code null}
     */
    public static void constructed(Object self, Throwable thrown) {
        Constructions.exit(self, thrown);
    }

    public static boolean booleanValue(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw cannotConvert(value, "boolean");
    }

    public static char charValue(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Character c) {
            return c;
        }
        throw cannotConvert(value, "char");
    }

    /**
     * A groutine's value for a numeric primitive ({@code byte} to {@code double}), which woven code converts with
     * {@link Number}'s own {@code intValue()}, {@code longValue()}, ...
     * @param value the value
     * @param type the primitive type, for the message
     * @return the value as a number; zero for {@code null}
     */
    public static Number number(Object value, String type) {
        if (value == null) {
            return ZERO;
        }
        if (value instanceof Number n) {
            return n;
        }
        throw cannotConvert(value, type);
    }

    private static ClassCastException cannotConvert(Object value, String type) {
        return new ClassCastException(value.getClass().getName() + " can not be converted to " + type);
    }
}
