package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.Interception;

import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Method;

/**
 * Interception at the call sites of methods whose own class is loaded and cannot be woven any more: a library class
 * that an application restarted in the same JVM (Spring Boot DevTools) already used before. The calls that woven
 * classes make to them become calls that groutines can await, exactly as at the method's execution: the same ENTER
 * and EXIT, the same callable (the one the receiver runs), arguments and result replaceable, exceptions seen and
 * thrown.
 *
 * <p>Abstract: which calls is decided per application run by {@link CallSiteWeaver}, which concretizes
 * {@link #watched()} with the declared targets that need it, and weaves only the classes that call them. With none,
 * nothing is woven with this aspect.
 *
 * <p>Code style, one advice per arity, behind an {@code if()} pointcut, for the reasons {@link WovenCalls} gives: a
 * dormant call site pays one volatile read and allocates nothing (annotation-style advice, which can proceed with an
 * array of arguments, built its join point and boxed the arguments before its test: 12 ns and 136 bytes a call).
 * Methods with more than eight parameters are not watched. Arguments a groutine replaced are passed by
 * {@link #invoke}. Written from one template per arity (0 to 8, instance and static); keep them alike when changing
 * one.
 */
public abstract aspect CallSites {

    /** The calls of the watched methods, written by {@link CallSiteWeaver}. */
    protected abstract pointcut watched();

    /** Never in the groutines runtime itself, nor in AspectJ. */
    pointcut scope(): !within(io.groutines.*) && !within(io.groutines.discovery.*) && !within(io.groutines.weaving.*)
            && !within(org.aspectj..*);

    /** The dormant test, placed at the call site before anything is bound: does any groutine wait for this name? */
    pointcut armed(): if(Interception.armed() && Interception.awaits(thisJoinPointStaticPart.getSignature().getName()));

    pointcut instanceCall(): watched() && scope() && !call(static * *(..)) && armed();

    pointcut staticCall(): watched() && scope() && call(static * *(..)) && armed();

    /**
     * @param part the call site
     * @param target the receiver, or {@code null} for a static method
     * @return the method the call runs, or {@code null} when its class is woven and its execution dispatches the call
     *         ({@link CallSiteWeaver#runs}); the signature caches the method a call site names after the first look-up
     */
    static Method runs(JoinPoint.StaticPart part, Object target) {
        return CallSiteWeaver.runs(((MethodSignature) part.getSignature()).getMethod(), target);
    }

    /**
     * Makes the call with the arguments a groutine replaced. Not {@code proceed}: AspectJ's load-time weaver, with
     * an abstract code-style aspect concretized in {@code aop.xml} as this one is, passes a call join point's
     * original arguments whatever {@code proceed} is given (AspectJ 1.9.27; a concrete code-style aspect is not
     * affected, and neither is an execution join point). A replaced argument is rare, and its call already switched
     * to a groutine and back: the reflective call, which dispatches as the call would, costs nothing that matters.
     * @param part the call site
     * @param target the receiver, or {@code null} for a static method
     * @param args the arguments
     * @return what the method returned
     */
    static Object invoke(JoinPoint.StaticPart part, Object target, Object[] args) {
        return CallSiteWeaver.invoke(((MethodSignature) part.getSignature()).getMethod(), target, args);
    }

    // ---- instance methods: the receiver is the call's target --------------------------------------------------

    Object around(Object self): instanceCall() && target(self) && args() {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[0]);
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

    Object around(Object self, Object a0): instanceCall() && target(self) && args(a0) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0 });
        if (call == null) {
            return proceed(self, a0);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 ? proceed(self, a0) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1): instanceCall() && target(self) && args(a0, a1) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1 });
        if (call == null) {
            return proceed(self, a0, a1);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 ? proceed(self, a0, a1) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2): instanceCall() && target(self) && args(a0, a1, a2) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1, a2 });
        if (call == null) {
            return proceed(self, a0, a1, a2);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 ? proceed(self, a0, a1, a2) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3): instanceCall() && target(self) && args(a0, a1, a2, a3) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1, a2, a3 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 ? proceed(self, a0, a1, a2, a3) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4): instanceCall() && target(self) && args(a0, a1, a2, a3, a4) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1, a2, a3, a4 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 ? proceed(self, a0, a1, a2, a3, a4) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5): instanceCall() && target(self) && args(a0, a1, a2, a3, a4, a5) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1, a2, a3, a4, a5 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4, a5);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 && args[5] == a5 ? proceed(self, a0, a1, a2, a3, a4, a5) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6): instanceCall() && target(self) && args(a0, a1, a2, a3, a4, a5, a6) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1, a2, a3, a4, a5, a6 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4, a5, a6);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 && args[5] == a5 && args[6] == a6 ? proceed(self, a0, a1, a2, a3, a4, a5, a6) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object self, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7): instanceCall() && target(self) && args(a0, a1, a2, a3, a4, a5, a6, a7) {
        Method runs = runs(thisJoinPointStaticPart, self);
        Call call = runs == null ? null : Interception.enter(runs, self, new Object[] { a0, a1, a2, a3, a4, a5, a6, a7 });
        if (call == null) {
            return proceed(self, a0, a1, a2, a3, a4, a5, a6, a7);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 && args[5] == a5 && args[6] == a6 && args[7] == a7 ? proceed(self, a0, a1, a2, a3, a4, a5, a6, a7) : invoke(thisJoinPointStaticPart, self, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    // ---- static methods -----------------------------------------------------------------------------------------

    Object around(): staticCall() && args() {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[0]);
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

    Object around(Object a0): staticCall() && args(a0) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0 });
        if (call == null) {
            return proceed(a0);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 ? proceed(a0) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1): staticCall() && args(a0, a1) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1 });
        if (call == null) {
            return proceed(a0, a1);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 ? proceed(a0, a1) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2): staticCall() && args(a0, a1, a2) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1, a2 });
        if (call == null) {
            return proceed(a0, a1, a2);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 ? proceed(a0, a1, a2) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3): staticCall() && args(a0, a1, a2, a3) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1, a2, a3 });
        if (call == null) {
            return proceed(a0, a1, a2, a3);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 ? proceed(a0, a1, a2, a3) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4): staticCall() && args(a0, a1, a2, a3, a4) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1, a2, a3, a4 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 ? proceed(a0, a1, a2, a3, a4) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5): staticCall() && args(a0, a1, a2, a3, a4, a5) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1, a2, a3, a4, a5 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4, a5);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 && args[5] == a5 ? proceed(a0, a1, a2, a3, a4, a5) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6): staticCall() && args(a0, a1, a2, a3, a4, a5, a6) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1, a2, a3, a4, a5, a6 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4, a5, a6);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 && args[5] == a5 && args[6] == a6 ? proceed(a0, a1, a2, a3, a4, a5, a6) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }

    Object around(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7): staticCall() && args(a0, a1, a2, a3, a4, a5, a6, a7) {
        Method runs = runs(thisJoinPointStaticPart, null);
        Call call = runs == null ? null : Interception.enter(runs, null, new Object[] { a0, a1, a2, a3, a4, a5, a6, a7 });
        if (call == null) {
            return proceed(a0, a1, a2, a3, a4, a5, a6, a7);
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            Object[] args = Interception.arguments(call);
            result = args[0] == a0 && args[1] == a1 && args[2] == a2 && args[3] == a3 && args[4] == a4 && args[5] == a5 && args[6] == a6 && args[7] == a7 ? proceed(a0, a1, a2, a3, a4, a5, a6, a7) : invoke(thisJoinPointStaticPart, null, args);
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }
}
