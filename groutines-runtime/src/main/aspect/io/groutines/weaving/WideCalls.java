package io.groutines.weaving;

import io.groutines.Interception;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Interception for methods with nine or more parameters, which {@link WovenCalls} does not bind one by one.
 *
 * <p>Annotation style, so that {@code proceed} can take an argument array of any length. The weaver builds the join
 * point and boxes the arguments before this advice runs; the {@link #armed()} test comes before that, at the join
 * point itself, so a dormant call pays one volatile read, as through {@link WovenCalls}. An armed call pays the join
 * point, the boxing and the argument array on every call (see {@code AdviceFormBenchmark}).
 */
@Aspect
public class WideCalls {

    /**
     * Whether any groutine in the JVM waits for a call: tested where the method starts, before the weaver builds the
     * join point, so that a dormant call runs the method as it is.
     * @return whether woven calls are armed
     */
    @Pointcut("if()")
    public static boolean armed() {
        return Interception.armed();
    }

    /**
     * The protocol of {@link Interception#intercept}, with the receiver and arguments taken from the join point.
     * @param call the join point
     * @return what the caller receives
     * @throws Throwable what the method or a groutine throws
     */
    @Around("execution(!synthetic * *(*, *, *, *, *, *, *, *, *, ..)) && !within(io.groutines.*) "
            + "&& !within(io.groutines.discovery.*) && !within(io.groutines.weaving.*) && !within(org.aspectj..*) "
            + "&& armed()")
    public Object call(ProceedingJoinPoint call) throws Throwable {
        return Interception.intercept(((MethodSignature) call.getStaticPart().getSignature()).getMethod(),
                call.getThis(), call.getArgs(), call, ProceedingJoinPoint::proceed);
    }
}
