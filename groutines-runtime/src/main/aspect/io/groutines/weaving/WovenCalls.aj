package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.Interception;

import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Method;

/**
 * Turns executions of methods and constructors of the classes in the weave scope into calls that groutines can
 * await. Registered with the load-time weaver by the groutines agent ({@link Agent}); the weave scope itself is the
 * weaver's {@code <include>} list, written by {@link WeaveScope}.
 *
 * <p>Why code style, one advice per arity, behind an {@code if()} pointcut: the dormant path (no groutine waits for
 * any call in the JVM) must cost about nothing and allocate nothing. The {@code if(Interception.armed())} test is
 * placed by ajc at the join point itself, before the advice and before anything is bound, so a dormant call runs
 * the original body after one volatile read; primitive arguments are never boxed (measured: a woven dormant
 * {@code int add(int, int)} costs 0.1 ns more than unwoven, where an in-advice test cost 3.2 ns). Each advice binds
 * its arguments itself ({@code args(a0, a1)}) and touches only {@code thisJoinPointStaticPart}, a constant of the
 * woven class. Annotation-style advice, or any use of {@code thisJoinPoint}, would build a join point object with
 * boxed arguments on every call. Methods with more than eight parameters go to {@link WideCalls}, which pays that
 * price.
 *
 * <p>Constructors are observed with before/after advice only: around advice on a constructor execution moves its
 * body out of {@code <init>}, and the JVM then refuses its writes to final fields. See {@link Constructions}.
 *
 * <p>Written from one template per arity (0 to 8, instance and static); keep them alike when changing one.
 */
public aspect WovenCalls {

    /** Never the groutines runtime itself, nor AspectJ: the weaver's excludes say so too, this is the second lock. */
    pointcut scope(): !within(io.groutines.*) && !within(io.groutines.discovery.*) && !within(io.groutines.weaving.*)
            && !within(org.aspectj..*);

    /**
     * The dormant test, as a pointcut: ajc places it at the join point before the advice runs, so when nobody waits
     * the original body runs directly and the bound arguments are never boxed. When some groutine waits somewhere
     * (under load, nearly always), a method of a name nobody waits for still runs directly after a look-up of its
     * name (the signature keeps it): the application's own classes are all woven, and most of their calls are not
     * awaited.
     */
    pointcut armed(): if(Interception.armed() && Interception.awaits(thisJoinPointStaticPart.getSignature().getName()));

    /*
     * Never synthetic members: the compiler's bridge methods (a call through one would be a second join point of the
     * same call), lambda bodies (lambda$...), enum $values(), and what other agents add to a class before the weaver
     * sees it, such as JaCoCo's $jacocoInit, the bootstrap method of its probe array.
     */
    pointcut instanceMethod(): execution(!static !synthetic * *(..)) && scope() && armed();

    pointcut staticMethod(): execution(static !synthetic * *(..)) && scope() && armed();

    pointcut constructor(): execution(!synthetic new(..)) && scope();

    /** @return the method a join point executes; the signature caches it after the first look-up */
    static Method method(JoinPoint.StaticPart part) {
        return ((MethodSignature) part.getSignature()).getMethod();
    }

    Object around(Object self): instanceMethod() && this(self) && args() {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[0]);
        if (call == null) {
            return proceed(self);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            result = proceed(self);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0): instanceMethod() && this(self) && args(a0) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0 });
        if (call == null) {
            return proceed(self, a0);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1): instanceMethod() && this(self) && args(a0, a1) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1 });
        if (call == null) {
            return proceed(self, a0, a1);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2): instanceMethod() && this(self) && args(a0, a1, a2) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1, a2 });
        if (call == null) {
            return proceed(self, a0, a1, a2);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1], args[2]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3): instanceMethod() && this(self) && args(a0, a1, a2, a3) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1, a2, a3 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1], args[2], args[3]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4): instanceMethod() && this(self) && args(a0, a1, a2, a3, a4) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1, a2, a3, a4 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1], args[2], args[3], args[4]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5): instanceMethod() && this(self) && args(a0, a1, a2, a3, a4, a5) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1, a2, a3, a4, a5 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4, a5);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1], args[2], args[3], args[4], args[5]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6): instanceMethod() && this(self) && args(a0, a1, a2, a3, a4, a5, a6) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1, a2, a3, a4, a5, a6 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4, a5, a6);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1], args[2], args[3], args[4], args[5], args[6]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7): instanceMethod() && this(self) && args(a0, a1, a2, a3, a4, a5, a6, a7) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), self, new Object[] { a0, a1, a2, a3, a4, a5, a6, a7 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4, a5, a6, a7);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(self, args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(): staticMethod() && args() {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[0]);
        if (call == null) {
            return proceed();
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            result = proceed();
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0): staticMethod() && args(a0) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0 });
        if (call == null) {
            return proceed(a0);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1): staticMethod() && args(a0, a1) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1 });
        if (call == null) {
            return proceed(a0, a1);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2): staticMethod() && args(a0, a1, a2) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1, a2 });
        if (call == null) {
            return proceed(a0, a1, a2);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1], args[2]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3): staticMethod() && args(a0, a1, a2, a3) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1, a2, a3 });
        if (call == null) {
            return proceed(a0, a1, a2, a3);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1], args[2], args[3]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4): staticMethod() && args(a0, a1, a2, a3, a4) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1, a2, a3, a4 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1], args[2], args[3], args[4]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5): staticMethod() && args(a0, a1, a2, a3, a4, a5) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1, a2, a3, a4, a5 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4, a5);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1], args[2], args[3], args[4], args[5]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6): staticMethod() && args(a0, a1, a2, a3, a4, a5, a6) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1, a2, a3, a4, a5, a6 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4, a5, a6);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1], args[2], args[3], args[4], args[5], args[6]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7): staticMethod() && args(a0, a1, a2, a3, a4, a5, a6, a7) {
        Call call = Interception.enter(method(thisJoinPointStaticPart), null, new Object[] { a0, a1, a2, a3, a4, a5, a6, a7 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4, a5, a6, a7);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = proceed(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7]);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    // ---- constructors: observed, never wrapped -------------------------------------------------------------------

    /** ENTER. The if() test runs before the join point object is made (lazy thisJoinPoint), so dormant costs a read. */
    before(Object self): constructor() && this(self) && if(Interception.armed() && Interception.awaits("<init>")) {
        Constructions.enter(thisJoinPointStaticPart, self, thisJoinPoint.getArgs());
    }

    /** EXIT with the new object. */
    after(Object self) returning: constructor() && this(self) && if(Constructions.pending()) {
        Constructions.exit(self, null);
    }

    /** EXIT with the constructor's exception, which is rethrown (or a groutine's instead). */
    after(Object self) throwing(Throwable ex): constructor() && this(self) && if(Constructions.pending()) {
        Constructions.exit(self, ex);
    }
}
