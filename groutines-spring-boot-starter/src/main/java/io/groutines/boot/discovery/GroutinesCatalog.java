package io.groutines.boot.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.groutines.FunctionCall;
import io.groutines.Groutines;
import io.groutines.TargetException;
import io.groutines.discovery.ActiveGroutines;
import io.groutines.discovery.GroutineClass;
import io.groutines.discovery.GroutineMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The active groutines of the application: every bean annotated {@link Groutines} (registered by discovery, or by
 * the application itself) that {@link Discovery} lets run, with its {@code @Groutine} methods checked — each call
 * trigger resolved and able to fire, each result able to replace the call's. Built once, at startup, where a wrong
 * trigger stops the application ({@link GroutineDeclarationException}) or, with
 * {@code groutines.fail-on-target-error=false}, is logged and its whole class skipped (groutines of one class often
 * work together, through events). Two active classes of one name always stop it.
 */
public final class GroutinesCatalog {

    private static final Log logger = LogFactory.getLog(GroutinesCatalog.class);

    private final List<Entry> entries;

    private final List<GroutineDeclarationException> skipped;

    private final List<Absent> absent;

    private GroutinesCatalog(List<Entry> entries, List<GroutineDeclarationException> skipped, List<Absent> absent) {
        this.entries = List.copyOf(entries);
        this.skipped = List.copyOf(skipped);
        this.absent = List.copyOf(absent);
    }

    /**
     * Checks and collects the active groutines beans.
     * @param beanFactory where the {@code @Groutines} beans are
     * @param discovery which {@code @Groutines} names may run
     * @param failOnTargetError whether a wrong trigger is fatal
     * @param triggerCheck checks that a resolved call trigger can fire
     * @return the catalog
     * @throws GroutineDeclarationException when a trigger is wrong and {@code failOnTargetError}
     */
    public static GroutinesCatalog build(ListableBeanFactory beanFactory, Discovery discovery,
            boolean failOnTargetError, TriggerCheck triggerCheck) {
        return build(beanFactory, discovery, failOnTargetError, triggerCheck, className -> Optional.empty());
    }

    /**
     * Checks and collects the active groutines beans, and says why an active class has no bean.
     * @param beanFactory where the {@code @Groutines} beans are
     * @param discovery which {@code @Groutines} classes were found and may run
     * @param failOnTargetError whether a wrong trigger is fatal
     * @param triggerCheck checks that a resolved call trigger can fire
     * @param absence why an active class found by discovery has no bean (e.g. a test slice left it out), if known
     * @return the catalog
     * @throws GroutineDeclarationException when a trigger is wrong and {@code failOnTargetError}
     */
    public static GroutinesCatalog build(ListableBeanFactory beanFactory, Discovery discovery,
            boolean failOnTargetError, TriggerCheck triggerCheck, Function<String, Optional<String>> absence) {
        List<Entry> entries = new ArrayList<>();
        List<GroutineDeclarationException> skipped = new ArrayList<>();
        Map<String, Class<?>> named = new HashMap<>();
        for (String beanName : beanFactory.getBeanNamesForAnnotation(Groutines.class)) {
            Class<?> type = beanFactory.getType(beanName);
            if (type == null) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            String name = GroutineClass.nameOf(type);
            if (!discovery.isActive(name)) {
                continue;
            }
            Class<?> other = named.putIfAbsent(ActiveGroutines.key(name), type);
            if (other != null && other != type) {
                throw sameName(name, type, other);
            }
            try {
                entries.add(new Entry(name, beanName, type, check(type, triggerCheck), beanFactory.getBean(beanName)));
            }
            catch (GroutineDeclarationException failure) {
                if (failOnTargetError) {
                    throw failure;
                }
                logger.warn("Groutines class '" + name + "' SKIPPED (groutines.fail-on-target-error=false): "
                        + failure.getMessage());
                skipped.add(failure);
            }
        }
        List<Absent> absent = new ArrayList<>();
        for (GroutineClass found : discovery.active()) {
            if (entries.stream().noneMatch(e -> e.type().getName().equals(found.className()))
                    && skipped.stream().noneMatch(f -> found.className().equals(f.groutinesClass()))) {
                absent.add(new Absent(found.name(), found.className(), absence.apply(found.className())
                        .orElse("its bean is not in the application context: groutines registered it, and something "
                                + "removed it before the context refreshed (a BeanDefinitionRegistryPostProcessor of "
                                + "the application or of a test slice)")));
            }
        }
        return new GroutinesCatalog(entries, skipped, absent);
    }

    /** Two classes of one name: {@code groutines.active} could not tell them apart, nor the endpoint and the logs. */
    private static GroutineDeclarationException sameName(String name, Class<?> type, Class<?> other) {
        return new GroutineDeclarationException(type.getName(), null, null, "Its @Groutines name '" + name
                + "' is the name of " + other.getName() + " too (names are compared ignoring case)",
                "give one of the two classes another name, e.g. @Groutines(\"" + name + "_2\") on " + type.getName()
                        + "; a class without a value is named by its simple class name", null);
    }

    /**
     * Resolves the {@code @Groutine} methods of a class: their triggers exist, unambiguously, and their parameters
     * and results fit. Loads and initializes nothing but what reflection needs.
     * @param type a class annotated {@link Groutines}
     * @return its groutine methods, checked
     * @throws GroutineDeclarationException naming the class, the method, the target and the fix
     */
    public static List<GroutineMethod> declared(Class<?> type) {
        List<GroutineMethod> methods;
        try {
            methods = GroutineMethod.of(type);
        }
        catch (TargetException ex) {
            throw declaration(type, methodOf(type, ex), ex);
        }
        if (methods.isEmpty()) {
            throw new GroutineDeclarationException(type.getName(), null, null,
                    "The class is annotated @Groutines but declares no @Groutine method",
                    "annotate its groutine methods with @Groutine, or remove @Groutines", null);
        }
        return methods;
    }

    private static List<GroutineMethod> check(Class<?> type, TriggerCheck triggerCheck) {
        List<GroutineMethod> methods = declared(type);
        for (GroutineMethod method : methods) {
            FunctionCall trigger = method.trigger();
            if (trigger != null) {
                try {
                    triggerCheck.check(trigger);
                }
                catch (TargetException ex) {
                    throw declaration(type, method.method().getName(), ex);
                }
            }
        }
        return methods;
    }

    private static GroutineDeclarationException declaration(Class<?> type, String method, TargetException ex) {
        return new GroutineDeclarationException(type.getName(), method, ex.target(), ex.problem(), ex.fix(), ex);
    }

    /** The runtime names the method in {@link TargetException#groutine()} as {@code org.example.Foo.bar}. */
    private static String methodOf(Class<?> type, TargetException ex) {
        String groutine = ex.groutine();
        return groutine != null && groutine.startsWith(type.getName() + ".")
                ? groutine.substring(type.getName().length() + 1) : null;
    }

    /** @return the active groutines classes, in bean registration order */
    public List<Entry> entries() {
        return this.entries;
    }

    /** @return the classes skipped because of a wrong trigger (only with fail-on-target-error=false) */
    public List<GroutineDeclarationException> skipped() {
        return this.skipped;
    }

    /** @return the active classes found by discovery that do not run here, with the reason */
    public List<Absent> absent() {
        return this.absent;
    }

    /** @return one line describing every active groutine and its trigger, and why an active class does not run */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Entry entry : this.entries) {
            parts.add(entry.name() + " (" + entry.type().getName() + ": " + String.join(", ", entry.methods().stream()
                    .map(m -> m.method().getName() + " <- " + m.describeTrigger()).toList()) + ")");
        }
        String active = parts.isEmpty() ? "none" : String.join("; ", parts);
        if (this.absent.isEmpty()) {
            return active;
        }
        return active + " (not running: " + String.join("; ", this.absent.stream()
                .map(a -> a.name() + " (" + a.className() + "): " + a.reason()).toList()) + ")";
    }

    /**
     * An active {@code @Groutines} class found by discovery that does not run in this application context.
     * @param name its {@code @Groutines} name
     * @param className its class
     * @param reason why, and what to do
     */
    public record Absent(String name, String className, String reason) {
    }

    /**
     * Checks that a resolved call trigger can fire: its class is woven, or calls through it are intercepted some
     * other way.
     */
    @FunctionalInterface
    public interface TriggerCheck {

        /**
         * @param trigger a resolved call trigger
         * @throws TargetException when its calls cannot reach groutines
         */
        void check(FunctionCall trigger);
    }

    /**
     * An active {@code @Groutines} bean: what every hub of the application spawns, one strand per method, in
     * method-name order.
     * @param name its {@code @Groutines} name
     * @param beanName its bean's name
     * @param type its class
     * @param methods its checked {@code @Groutine} methods
     * @param bean the bean whose methods run as groutines
     */
    public record Entry(String name, String beanName, Class<?> type, List<GroutineMethod> methods, Object bean) {

        public Entry {
            methods = List.copyOf(methods);
        }
    }
}
