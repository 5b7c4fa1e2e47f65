package io.groutines.boot.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.guard.Enablement;
import io.groutines.discovery.GroutineClass;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Runs while bean definitions are registered, before any application bean is made: takes the
 * {@link GroutinesStartup} decisions (made while the environment was prepared, or here when nothing prepared them),
 * registers the active {@code @Groutines} classes as beans (constructor injection works as for any bean; classes the
 * application registered itself, e.g. also annotated {@code @Component}, are left alone), and registers the
 * {@link Discovery} for the catalog and the actuator endpoint.
 */
class GroutinesBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware,
        Ordered {

    private static final Log logger = LogFactory.getLog(GroutinesStartup.class);

    private Environment environment;

    private ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        GroutinesStartup startup = startup(registry);
        Discovery discovery = startup.discovery();
        if (discovery == null) {
            return; // an application context whose environment said enabled=false, refreshed with it forced on
        }
        Set<String> registeredClasses = new HashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            String className = registry.getBeanDefinition(name).getBeanClassName();
            if (className != null) {
                registeredClasses.add(className);
            }
        }
        for (GroutineClass groutines : discovery.inactive()) {
            logger.info("Groutines '" + groutines.name() + "' (" + groutines.className() + ") is switched off "
                    + "(groutines.active)");
        }
        for (GroutineClass groutines : discovery.active()) {
            if (registeredClasses.contains(groutines.className())
                    || registry.containsBeanDefinition(groutines.className())) {
                continue;
            }
            GenericBeanDefinition definition = new GenericBeanDefinition();
            definition.setBeanClassName(groutines.className());
            definition.setRole(BeanDefinition.ROLE_APPLICATION);
            registry.registerBeanDefinition(groutines.className(), definition);
        }
        if (discovery.packages().isEmpty()) {
            logger.warn("Groutines: no package to scan for @Groutines classes; set groutines.scan-packages");
        }
        else if (discovery.found().isEmpty()) {
            logger.warn("Groutines are enabled but no @Groutines class was found in the scanned packages "
                    + discovery.packages() + " (class directories and jars of the class path, read from their class "
                    + "files). Put your @Groutines classes there, or name their packages in groutines.scan-packages.");
        }
        else if (!discovery.unmatchedActiveNames().isEmpty()) {
            logger.warn("groutines.active names " + discovery.unmatchedActiveNames() + ", which match no @Groutines "
                    + "class found in " + discovery.packages() + "; the classes found are "
                    + discovery.found().stream().map(GroutineClass::name).toList() + " (names ignore case)");
        }
        registerSingleton(registry, Discovery.class.getName(), Discovery.class, discovery);
        if (!registry.containsBeanDefinition(GroutinesStartup.BEAN_NAME)
                && !(registry instanceof ConfigurableListableBeanFactory beanFactory
                        && beanFactory.containsSingleton(GroutinesStartup.BEAN_NAME))) {
            registerSingleton(registry, GroutinesStartup.BEAN_NAME, GroutinesStartup.class, startup);
        }
    }

    private GroutinesStartup startup(BeanDefinitionRegistry registry) {
        if (registry instanceof ConfigurableListableBeanFactory beanFactory
                && beanFactory.containsSingleton(GroutinesStartup.BEAN_NAME)) {
            return (GroutinesStartup) beanFactory.getSingleton(GroutinesStartup.BEAN_NAME);
        }
        List<String> packages = registry instanceof BeanFactory beanFactory && AutoConfigurationPackages.has(beanFactory)
                ? AutoConfigurationPackages.get(beanFactory) : List.of();
        return GroutinesStartup.prepare((ConfigurableEnvironment) this.environment,
                Enablement.deduce(this.environment), this.classLoader, null, packages, logger);
    }

    private static <T> void registerSingleton(BeanDefinitionRegistry registry, String name, Class<T> type, T instance) {
        RootBeanDefinition definition = new RootBeanDefinition(type, () -> instance);
        definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(name, definition);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    }
}
