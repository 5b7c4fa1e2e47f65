package io.groutines.boot.modulith;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import io.groutines.Groutines;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModulesFactory;

/**
 * The classes Spring Modulith should not count as module code: {@code @Groutines} classes and the classes nested in
 * them. A groutine names the types it patches — often another module's internals — and that is no dependency of the
 * module it happens to live in. For an application's own architecture test:
 *
 * <pre>{@code
 * ApplicationModules.of(Application.class, GroutineTypes.ignored()).verify();
 * }</pre>
 *
 * <p>{@link Factory} makes the same the default where Spring Modulith builds the modules itself
 * ({@code @ApplicationModuleTest}, its runtime support): the starter registers it in {@code META-INF/spring.factories}.
 */
public final class GroutineTypes {

    private static final DescribedPredicate<JavaClass> IGNORED = DescribedPredicate
            .describe("@Groutines classes and the classes nested in them", GroutineTypes::isGroutines);

    private GroutineTypes() {
    }

    /** @return the predicate to pass to {@code ApplicationModules.of(type, ignored)} */
    public static DescribedPredicate<JavaClass> ignored() {
        return IGNORED;
    }

    private static boolean isGroutines(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.isAnnotatedWith(Groutines.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The modules Spring Modulith works with in {@code @ApplicationModuleTest} (its verification, the modules it
     * bootstraps) and at run time, without {@code @Groutines} classes. Spring Modulith uses the first
     * {@link ApplicationModulesFactory} of {@code META-INF/spring.factories}; an application that registers its own
     * should pass {@link #ignored()} there.
     */
    public static final class Factory implements ApplicationModulesFactory {

        @Override
        public ApplicationModules of(Class<?> applicationClass) {
            return ApplicationModules.of(applicationClass, IGNORED);
        }
    }
}
