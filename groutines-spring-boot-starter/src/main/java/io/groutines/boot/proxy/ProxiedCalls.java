package io.groutines.boot.proxy;

import java.lang.reflect.Method;

import io.groutines.Call;
import io.groutines.Interception;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * Makes calls through Spring proxies reach groutines, where weaving cannot: a repository's derived queries and
 * inherited CRUD methods (whose implementation is a library class, or none), beans behind {@code @Transactional},
 * {@code @Cacheable} or {@code @Async} proxies, HTTP interface clients. Added first to each proxy's advisors, so it
 * sees the call as the caller made it, before transactions, caches and executors. The same protocol as woven code:
 * ENTER with the arguments, EXIT with the result or exception, arguments and results replaceable — and one call is
 * one event, even when the proxy's target is woven too.
 */
final class ProxiedCalls implements MethodInterceptor {

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (!Interception.armed() || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        Method invoked = invocation.getMethod();
        Object target = invocation.getThis();
        Method implementation = target != null ? AopUtils.getMostSpecificMethod(invoked, target.getClass()) : invoked;
        Call call = Interception.enterProxied(invoked, implementation, proxied.getProxy(), target,
                invocation.getArguments());
        if (call == null) {
            return invocation.proceed();
        }
        if (Interception.skipsOriginal(call)) {
            return Interception.exit(call, null, null);
        }
        Object result;
        try {
            result = invocation.proceed(); // with the argument array groutines may have changed in place
        }
        catch (Throwable ex) {
            return Interception.exit(call, null, ex);
        }
        return Interception.exit(call, result, null);
    }
}
