package io.groutines.boot.modulith;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.test.ModuleTestExecution;

/**
 * Why an active {@code @Groutines} class has no bean in an {@code @ApplicationModuleTest}: Spring Modulith
 * bootstraps only the beans of the modules the test includes and removes the other bean definitions — the one the
 * starter registered for a groutine class of another module too.
 */
public final class ModuleTestSlice {

    private ModuleTestSlice() {
    }

    /**
     * @param beanFactory the test's beans
     * @param className an active {@code @Groutines} class without a bean
     * @return the reason and the fix, when the context is an {@code @ApplicationModuleTest}'s that left the class out
     */
    public static Optional<String> explain(ListableBeanFactory beanFactory, String className) {
        String name = ModuleTestExecution.class.getName();
        if (!beanFactory.containsBean(name)) {
            return Optional.empty();
        }
        ModuleTestExecution execution = beanFactory.getBean(name, ModuleTestExecution.class);
        List<String> packages = new ArrayList<>();
        for (JavaPackage pkg : execution.getBasePackages()) {
            packages.add(pkg.getName());
        }
        String tested = execution.getModule().getIdentifier().toString();
        String packageName = className.substring(0, Math.max(className.lastIndexOf('.'), 0));
        Optional<String> module = execution.getModules().getModuleForPackage(packageName)
                .map(ApplicationModule::getIdentifier).map(Object::toString);
        return Optional.of("Spring Modulith's @ApplicationModuleTest for module '" + tested + "' bootstraps the beans of "
                + packages + " only and removed its bean" + module.map(m -> ", which belongs to module '" + m + "'")
                        .orElse("") + ". To run it in this test, include its module: @ApplicationModuleTest(extraIncludes = \""
                + module.orElse("<module>") + "\") (or a mode that bootstraps it, e.g. ALL_DEPENDENCIES when '" + tested
                + "' depends on it)");
    }
}
