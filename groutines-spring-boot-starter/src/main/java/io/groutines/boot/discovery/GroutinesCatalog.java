package io.groutines.boot.discovery;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.groutines.Groutines;
import io.groutines.TargetException;
import io.groutines.internal.GroutineMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The active groutines of the application: every bean annotated {@link Groutines} (registered by discovery, or by
 * the application itself) that configuration lets run, with its {@code @Groutine} methods checked. Built once, at
 * startup, where a wrong trigger stops the application ({@link GroutineDeclarationException}) or, with
 * {@code groutines.fail-on-target-error=false}, is logged and its class skipped.
 *
 * <p>The runtime checks a class as a whole, so a wrong trigger skips every groutine of its class, not only the
 * wrong one.
 */
public final class GroutinesCatalog {

    private static final Log logger = LogFactory.getLog(GroutinesCatalog.class);

    private final List<GroutinesDefinition> definitions;

    private final List<GroutineDeclarationException> skipped;

    private GroutinesCatalog(List<GroutinesDefinition> definitions, List<GroutineDeclarationException> skipped) {
        this.definitions = List.copyOf(definitions);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Checks and collects the active groutines beans.
     * @param beanFactory where the {@code @Groutines} beans are
     * @param active which {@code @Groutines} names may run
     * @param failOnTargetError whether a wrong trigger is fatal
     * @param targetCheck the extra check of each call target (weaving)
     * @return the catalog
     * @throws GroutineDeclarationException when a trigger is wrong and {@code failOnTargetError}
     */
    public static GroutinesCatalog build(ListableBeanFactory beanFactory, Predicate<String> active,
            boolean failOnTargetError, TargetCheck targetCheck) {
        List<GroutinesDefinition> definitions = new ArrayList<>();
        List<GroutineDeclarationException> skipped = new ArrayList<>();
        for (String beanName : beanFactory.getBeanNamesForAnnotation(Groutines.class)) {
            Class<?> type = beanFactory.getType(beanName);
            if (type == null) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            String name = nameOf(type);
            if (!active.test(name)) {
                continue;
            }
            List<GroutineMethod> methods = new ArrayList<>();
            List<GroutineTrigger> triggers = new ArrayList<>();
            boolean declaresAny = false;
            for (Method method : groutineMethods(type)) {
                declaresAny = true;
                try {
                    GroutineMethod m = GroutineMethod.of(method);
                    GroutineTrigger trigger = new GroutineTrigger(type, m.method(), m.trigger(),
                            m.target() != null ? m.target().path() : null,
                            m.target() != null ? m.target().executable() : null);
                    if (trigger.target() != null) {
                        targetCheck.check(trigger);
                    }
                    methods.add(m);
                    triggers.add(trigger);
                }
                catch (TargetException ex) {
                    // with fail-on-target-error=false only this groutine is skipped; its class's others still run
                    skipOrFail(new GroutineDeclarationException(type.getName(), method.getName(), ex), failOnTargetError,
                            name, skipped);
                }
            }
            if (!declaresAny) {
                skipOrFail(new GroutineDeclarationException(type.getName(), null, new TargetException("(none)",
                        "The class is annotated @Groutines but declares no @Groutine method",
                        "annotate its groutine methods with @Groutine, or remove @Groutines")), failOnTargetError, name, skipped);
                continue;
            }
            if (!methods.isEmpty()) {
                definitions.add(new GroutinesDefinition(name, beanName, beanFactory.getBean(beanName), methods, triggers));
            }
        }
        return new GroutinesCatalog(definitions, skipped);
    }

    /** The {@code @Groutine} methods a class declares, by name, as the runtime spawns them. */
    private static List<Method> groutineMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(io.groutines.Groutine.class))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    private static void skipOrFail(GroutineDeclarationException failure, boolean failOnTargetError, String name,
            List<GroutineDeclarationException> skipped) {
        if (failOnTargetError) {
            throw failure;
        }
        logger.warn("Groutine of '" + name + "' SKIPPED (groutines.fail-on-target-error=false): " + failure.getMessage());
        skipped.add(failure);
    }

    /**
     * @param type a class annotated {@link Groutines}
     * @return its name: the annotation's value, or the simple class name
     */
    public static String nameOf(Class<?> type) {
        Groutines annotation = type.getAnnotation(Groutines.class);
        return annotation != null && !annotation.value().isBlank() ? annotation.value() : type.getSimpleName();
    }

    /** @return the active groutines, in bean registration order */
    public List<GroutinesDefinition> definitions() {
        return this.definitions;
    }

    /** @return the classes skipped because of a wrong trigger (only with fail-on-target-error=false) */
    public List<GroutineDeclarationException> skipped() {
        return this.skipped;
    }

    /** @return one line describing every active groutine and its trigger */
    public String describe() {
        if (this.definitions.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (GroutinesDefinition d : this.definitions) {
            parts.add(d.name() + " (" + d.bean().getClass().getName() + ": " + String.join(", ",
                    d.triggers().stream().map(t -> t.method().getName() + " <- " + t.trigger()).toList()) + ")");
        }
        return String.join("; ", parts);
    }
}
