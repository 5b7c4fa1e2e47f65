package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.Interception;

import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.ConstructorSignature;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;

/**
 * Carries a constructor's invocation from the before advice that saw ENTER to the after advice that sees EXIT.
 *
 * <p>Why not around advice: AspectJ would move the constructor's body into a helper method, and the JVM refuses
 * writes to final fields from anywhere but {@code <init>} ({@code IllegalAccessError} on JDK 25). Before and after
 * advice leave the body where it is. The price: a constructor's arguments and result can be read, not replaced.
 *
 * <p>The invocations form a stack per thread, each entry tagged with the object under construction: the execution
 * of one constructor never overlaps another execution on the same object (a {@code super(...)} or {@code this(...)}
 * call completes before the calling constructor's execution join point begins), so the top entry belongs to the
 * after advice exactly when it is tagged with that advice's object.
 */
final class Constructions {

    /** Entries open on all threads; 0 lets the after advice return after one volatile read. */
    private static volatile int pending;

    private static final VarHandle PENDING;

    private static final ThreadLocal<Entry> TOP = new ThreadLocal<>();

    static {
        try {
            PENDING = MethodHandles.lookup().findStaticVarHandle(Constructions.class, "pending", int.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private Constructions() {
    }

    /** @return whether any thread has a constructor invocation waiting for its EXIT */
    static boolean pending() {
        return pending != 0;
    }

    /**
     * ENTER of a constructor's execution. A groutine that throws here makes the construction throw.
     * @param part the join point's static part, whose signature names the constructor
     * @param self the object under construction, only to match the EXIT
     * @param args the constructor's arguments
     */
    static void enter(JoinPoint.StaticPart part, Object self, Object[] args) {
        enter(((ConstructorSignature) part.getSignature()).getConstructor(), self, args);
    }

    /**
     * ENTER of a constructor's execution, as {@link DirectWeaver} writes it.
     * @param constructor the constructor
     * @param self the object under construction, only to match the EXIT
     * @param args the constructor's arguments
     */
    static void enter(Constructor<?> constructor, Object self, Object[] args) {
        Call invocation = Interception.observe(constructor, args);
        if (invocation != null) {
            TOP.set(new Entry(self, invocation, TOP.get()));
            PENDING.getAndAdd(1);
        }
    }

    /**
     * EXIT of a constructor's execution; does nothing when its ENTER found no groutine waiting.
     * @param self the new object
     * @param thrown what the constructor threw, or {@code null}; rethrown by {@link Interception#exit}
     */
    static void exit(Object self, Throwable thrown) {
        Entry top = TOP.get();
        if (top == null || top.self != self) {
            return;
        }
        if (top.below == null) {
            TOP.remove();
        }
        else {
            TOP.set(top.below);
        }
        PENDING.getAndAdd(-1);
        Interception.exit(top.invocation, thrown == null ? self : null, thrown);
    }

    /** One constructor execution that a groutine waits for. */
    private record Entry(Object self, Call invocation, Entry below) {
    }
}
