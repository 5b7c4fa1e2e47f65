package io.groutines.boot.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.groutines.boot.discovery.DiscoveredGroutines;
import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutinesScanner;
import io.groutines.boot.discovery.WeaveScope;
import io.groutines.boot.guard.ApplicationPackaging;
import io.groutines.boot.guard.ProductionGuard;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Runs while bean definitions are registered, before any application bean is made: applies the production guard
 * (so that a refused application runs none of its groutines' code), then finds the {@code @Groutines} classes in
 * class files and registers the active ones as beans (constructor injection works as for any bean). Classes the
 * application registered itself (e.g. also annotated {@code @Component}) are left alone. The outcome is the
 * {@link Discovery} bean.
 */
class GroutinesBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware,
        Ordered {

    static final String DISCOVERY_BEAN = "io.groutines.boot.discovery.Discovery";

    private static final Log logger = LogFactory.getLog(GroutinesBeanRegistrar.class);

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
        GroutinesProperties properties = Binder.get(this.environment)
                .bind(GroutinesProperties.PREFIX, GroutinesProperties.class)
                .orElseGet(GroutinesProperties::new);
        ApplicationPackaging packaging = (registry instanceof ListableBeanFactory beans)
                ? beans.getBeanProvider(ApplicationPackaging.class).getIfAvailable(ApplicationPackaging::deduce)
                : ApplicationPackaging.deduce();
        new ProductionGuard(properties.getProductionProfiles(), properties.isAllowInProduction(), packaging)
                .check(this.environment.getActiveProfiles());

        List<String> packages = packagesToScan(properties, registry);
        List<DiscoveredGroutines> found = new GroutinesScanner(this.classLoader).scan(packages, properties::isActive);
        WeaverAttachment.ensureWeaving(properties, found, logger);
        Set<String> registeredClasses = new HashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            String className = registry.getBeanDefinition(name).getBeanClassName();
            if (className != null) {
                registeredClasses.add(className);
            }
        }
        for (DiscoveredGroutines groutines : found) {
            if (!groutines.active()) {
                logger.info("Groutines '" + groutines.name() + "' (" + groutines.className() + ") is switched off");
                continue;
            }
            if (registeredClasses.contains(groutines.className()) || registry.containsBeanDefinition(groutines.className())) {
                continue;
            }
            GenericBeanDefinition definition = new GenericBeanDefinition();
            definition.setBeanClassName(groutines.className());
            definition.setRole(BeanDefinition.ROLE_APPLICATION);
            registry.registerBeanDefinition(groutines.className(), definition);
        }
        if (packages.isEmpty()) {
            logger.warn("Groutines: no package to scan for @Groutines classes; set groutines.scan-packages");
        }
        WeaveScope weaveScope = WeaveScope.of(properties.getWeave().getInclude(), properties.getWeave().getExclude(), found);
        Discovery discovery = new Discovery(packages, found, weaveScope);
        RootBeanDefinition definition = new RootBeanDefinition(Discovery.class, () -> discovery);
        definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(DISCOVERY_BEAN, definition);
    }

    private static List<String> packagesToScan(GroutinesProperties properties, BeanDefinitionRegistry registry) {
        if (!properties.getScanPackages().isEmpty()) {
            return List.copyOf(properties.getScanPackages());
        }
        if (registry instanceof BeanFactory beanFactory && AutoConfigurationPackages.has(beanFactory)) {
            return AutoConfigurationPackages.get(beanFactory);
        }
        return List.of();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    }
}
