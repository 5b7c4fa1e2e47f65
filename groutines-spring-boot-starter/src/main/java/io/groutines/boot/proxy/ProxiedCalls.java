package io.groutines.boot.proxy;

import java.lang.reflect.Method;

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
            return invocation.proceed(); // dormant: before the look-up of the target's method
        }
        Method invoked = invocation.getMethod();
        Object target = invocation.getThis();
        Method implementation = target != null ? AopUtils.getMostSpecificMethod(invoked, target.getClass()) : invoked;
        // the chain proceeds with the invocation's argument array, which groutines change in place
        return Interception.interceptProxied(invoked, proxied.getProxy(), implementation, target,
                invocation.getArguments(), invocation, (chain, args) -> chain.proceed());
    }
}
