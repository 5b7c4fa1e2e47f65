package io.groutines.boot.guard;

import java.io.File;
import java.util.Locale;

import org.springframework.boot.system.ApplicationHome;

/**
 * Whether the application runs packaged — launched from a jar or war, as it is deployed — rather than from an
 * IDE, a build tool or a test (classes in directories). The spirit is DevTools', which switches itself off for a
 * "fully packaged application".
 *
 * <p>Declare a bean of this type to override the deduction, e.g. for an application deployed from exploded classes
 * that should count as packaged. The bean is read very early (while bean definitions are registered): declare it
 * with a {@code static @Bean} method and keep it free of dependencies.
 */
@FunctionalInterface
public interface ApplicationPackaging {

    /** @return whether the application runs packaged */
    boolean isPackaged();

    /**
     * The default deduction: the start class (from the jar manifest, as Spring Boot's launcher writes it) comes from
     * a jar or war file, or the application was loaded by Spring Boot's launcher class loader.
     * @return the deduction
     */
    static ApplicationPackaging deduce() {
        return () -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null && loader.getClass().getName().startsWith("org.springframework.boot.loader.")) {
                return true;
            }
            File source = new ApplicationHome().getSource();
            if (source == null || !source.isFile()) {
                return false;
            }
            String name = source.getName().toLowerCase(Locale.ROOT);
            return name.endsWith(".jar") || name.endsWith(".war");
        };
    }
}
