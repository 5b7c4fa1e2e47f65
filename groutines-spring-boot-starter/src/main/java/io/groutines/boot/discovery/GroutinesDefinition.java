package io.groutines.boot.discovery;

import java.util.List;

import io.groutines.internal.GroutineMethod;

/**
 * An active {@code @Groutines} bean whose groutines were checked at startup: what every hub of the application
 * spawns.
 */
public final class GroutinesDefinition {

    private final String name;

    private final String beanName;

    private final Object bean;

    private final List<GroutineMethod> methods;

    private final List<GroutineTrigger> triggers;

    GroutinesDefinition(String name, String beanName, Object bean, List<GroutineMethod> methods,
            List<GroutineTrigger> triggers) {
        this.name = name;
        this.beanName = beanName;
        this.bean = bean;
        this.methods = List.copyOf(methods);
        this.triggers = List.copyOf(triggers);
    }

    /** @return the {@code @Groutines} name */
    public String name() {
        return this.name;
    }

    /** @return the bean's name in the application context */
    public String beanName() {
        return this.beanName;
    }

    /** @return the bean whose methods run as groutines */
    public Object bean() {
        return this.bean;
    }

    /** @return its {@code @Groutine} methods and their triggers, by method name */
    public List<GroutineTrigger> triggers() {
        return this.triggers;
    }

    /**
     * The bodies to spawn, one per {@code @Groutine} method, in method-name order; each call gives fresh ones.
     * @return pairs of groutine name and body
     */
    public List<Spawnable> spawnables() {
        return this.methods.stream().map(m -> new Spawnable(m.name(), m.body(this.bean))).toList();
    }

    @Override
    public String toString() {
        return this.name + " " + this.triggers.stream().map(t -> t.method().getName() + " <- " + t.trigger()).toList();
    }

    /**
     * One groutine ready to spawn.
     * @param name e.g. {@code AuditGroutines.onSave}
     * @param body what the strand runs
     */
    public record Spawnable(String name, Runnable body) {
    }
}
