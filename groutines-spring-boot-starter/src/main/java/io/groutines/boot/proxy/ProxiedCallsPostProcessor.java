package io.groutines.boot.proxy;

import java.util.Arrays;

import io.groutines.weaving.Reach;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts {@link ProxiedCalls} first into every Spring AOP proxy of the application, once the proxy exists: beans
 * proxied for transactions, caching, async execution, Spring Data repositories (produced by their factory beans),
 * HTTP interface clients. First, because the terminal interceptors of repositories and HTTP interfaces never proceed
 * to an advisor added after them. Frozen proxies cannot take advisors and are left as they are. Each proxied type is
 * told to the weaving layer, so that a {@code FunctionCall} named on its interfaces is known to be able to fire.
 *
 * <p>Not {@link org.springframework.core.Ordered}: it runs after the ordered post-processors that create proxies.
 */
public final class ProxiedCallsPostProcessor implements BeanPostProcessor {

    private final Advisor advisor = new DefaultPointcutAdvisor(new ProxiedCalls());

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Advised advised && !advised.isFrozen()
                && Arrays.stream(advised.getAdvisors()).noneMatch(a -> a.getAdvice() instanceof ProxiedCalls)) {
            advised.addAdvisor(0, this.advisor);
            for (Class<?> type : advised.getProxiedInterfaces()) {
                Reach.reachedByProxies(type);
            }
            Class<?> targetClass = AopUtils.getTargetClass(bean);
            if (targetClass != null && targetClass != bean.getClass()) {
                Reach.reachedByProxies(targetClass);
            }
        }
        return bean;
    }
}
