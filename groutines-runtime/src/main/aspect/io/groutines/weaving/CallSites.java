package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.Interception;

import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;
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
 * nothing is woven with this aspect and nothing costs anything. Where it is woven, a dormant call site pays the same
 * {@code if()} test as {@link WovenCalls}, before anything is bound or allocated.
 *
 * <p>Annotation style, so that {@code proceed} can take the arguments as an array: call sites of watched methods are
 * few, and each pays only when a groutine somewhere waits for a method of its name.
 */
@Aspect
public abstract class CallSites {

    /** The calls of the watched methods, written by {@link CallSiteWeaver}. */
    @Pointcut
    public abstract void watched();

    /**
     * The dormant test, placed at the call site before the advice: whether any groutine waits for a method of this
     * name.
     * @param part the call site
     * @return whether the advice runs
     */
    @Pointcut("if()")
    public static boolean armed(JoinPoint.StaticPart part) {
        return Interception.armed() && Interception.awaits(part.getSignature().getName());
    }

    /**
     * Same protocol as {@link WovenCalls}, with the callee that runs and the arguments taken from the call.
     * @param call the call site
     * @param part its static part
     * @return what the caller receives
     * @throws Throwable what the method or a groutine throws
     */
    @Around("watched() && armed(part) && !within(io.groutines.*) && !within(io.groutines.discovery.*) "
            + "&& !within(io.groutines.weaving.*) && !within(org.aspectj..*)")
    public Object call(ProceedingJoinPoint call, JoinPoint.StaticPart part) throws Throwable {
        Method called = ((MethodSignature) part.getSignature()).getMethod();
        Object target = call.getTarget();
        Method runs = CallSiteWeaver.runs(called, target);
        if (runs == null) {
            return call.proceed(); // the receiver's class is woven: its execution dispatches this call
        }
        Call inv = Interception.enter(runs, target, call.getArgs());
        if (inv == null) {
            return call.proceed();
        }
        if (Interception.skipsOriginal(inv)) {
            return Interception.exit(inv, null, null);
        }
        Object result;
        try {
            result = call.proceed(Interception.arguments(inv));
        }
        catch (Throwable ex) {
            return Interception.exit(inv, null, ex);
        }
        return Interception.exit(inv, result, null);
    }
}
