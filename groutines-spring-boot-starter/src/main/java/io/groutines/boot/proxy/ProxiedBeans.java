package io.groutines.boot.proxy;

import java.lang.reflect.Proxy;

import io.groutines.weaving.Reach;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Whether calls of a type can reach groutines through Spring proxies — asked at startup, from bean definitions,
 * before the beans exist: a bean of the type that a factory bean makes behind an interface (a Spring Data repository,
 * an HTTP interface client) or that is a JDK or CGLIB proxy, or a type already seen proxied.
 */
public final class ProxiedBeans {

    private ProxiedBeans() {
    }

    /**
     * @param beanFactory the application's beans
     * @param type the class or interface a trigger is named on
     * @return whether a Spring proxy implements it, so that its calls can fire without weaving
     */
    public static boolean implement(ListableBeanFactory beanFactory, Class<?> type) {
        if (Reach.reachableByProxies(type)) {
            return true;
        }
        for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
            Class<?> beanType = beanFactory.getType(name, false);
            if (beanType != null && (beanType.isInterface() || Proxy.isProxyClass(beanType)
                    || beanType.getName().contains("$$"))) {
                return true;
            }
        }
        return false;
    }
}
