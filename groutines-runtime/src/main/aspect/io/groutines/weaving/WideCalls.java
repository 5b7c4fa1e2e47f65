package io.groutines.weaving;

import io.groutines.Interception;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Interception for methods with nine or more parameters, which {@link WovenCalls} does not bind one by one.
 *
 * <p>Annotation style, so that {@code proceed} can take an argument array of any length. The price is paid on
 * every call, even dormant: the weaver builds the join point and boxes the arguments before this advice runs
 * (about 10–20 ns and an allocation). Methods that wide are rare, and rarely hot.
 */
@Aspect
public class WideCalls {

    /**
     * The protocol of {@link Interception#intercept}, with the receiver and arguments taken from the join point.
     * @param call the join point
     * @return what the caller receives
     * @throws Throwable what the method or a groutine throws
     */
    @Around("execution(!synthetic * *(*, *, *, *, *, *, *, *, *, ..)) && !within(io.groutines.*) "
            + "&& !within(io.groutines.discovery.*) && !within(io.groutines.weaving.*) && !within(org.aspectj..*)")
    public Object call(ProceedingJoinPoint call) throws Throwable {
        if (!Interception.armed()) {
            return call.proceed(); // dormant: before the copy of the arguments that intercept needs
        }
        return Interception.intercept(((MethodSignature) call.getStaticPart().getSignature()).getMethod(),
                call.getThis(), call.getArgs(), call, ProceedingJoinPoint::proceed);
    }
}
