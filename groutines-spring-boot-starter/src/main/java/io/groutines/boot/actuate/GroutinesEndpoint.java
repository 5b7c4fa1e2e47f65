package io.groutines.boot.actuate;

import java.util.List;

import io.groutines.boot.discovery.DiscoveredGroutines;
import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutineDeclarationException;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.discovery.GroutinesDefinition;
import io.groutines.boot.discovery.WeaveScope;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.internal.Scope;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code groutines} endpoint: the groutine classes and their triggers, resolved targets, the classes found but
 * switched off or skipped, the weave scope, the hubs open now with their groutines, and counters. Read-only.
 */
@Endpoint(id = "groutines")
public class GroutinesEndpoint {

    private final GroutinesCatalog catalog;

    private final LiveHubs liveHubs;

    private final Discovery discovery;

    /**
     * @param catalog the active groutines
     * @param liveHubs the open hubs
     * @param discovery what scanning found
     */
    public GroutinesEndpoint(GroutinesCatalog catalog, LiveHubs liveHubs, Discovery discovery) {
        this.catalog = catalog;
        this.liveHubs = liveHubs;
        this.discovery = discovery;
    }

    /** @return everything the endpoint reports */
    @ReadOperation
    public GroutinesDescriptor groutines() {
        List<ClassDescriptor> active = this.catalog.definitions().stream().map(ClassDescriptor::of).toList();
        List<String> inactive = this.discovery.groutines().stream().filter(d -> !d.active())
                .map(DiscoveredGroutines::name).toList();
        List<SkippedDescriptor> skipped = this.catalog.skipped().stream().map(SkippedDescriptor::of).toList();
        Counters counters = new Counters(Scope.openCount(), Scope.liveTaskCount(), Scope.dispatchedCount(),
                this.liveHubs.openedCount());
        return new GroutinesDescriptor(this.discovery.packages(), active, inactive, skipped,
                this.discovery.weaveScope(), this.liveHubs.snapshot(), counters);
    }

    /**
     * The endpoint's answer.
     * @param scannedPackages where {@code @Groutines} classes were searched
     * @param classes the active groutine classes
     * @param inactive names of classes found but switched off by configuration
     * @param skipped classes skipped for a wrong trigger
     * @param weaveScope what must be woven
     * @param hubs the hubs open now
     * @param counters JVM-wide counters
     */
    public record GroutinesDescriptor(List<String> scannedPackages, List<ClassDescriptor> classes,
            List<String> inactive, List<SkippedDescriptor> skipped, WeaveScope weaveScope,
            List<LiveHubs.HubSnapshot> hubs, Counters counters) {
    }

    /**
     * An active groutine class.
     * @param name its {@code @Groutines} name
     * @param className its class
     * @param bean its bean name
     * @param groutines its groutine methods
     */
    public record ClassDescriptor(String name, String className, String bean, List<TriggerDescriptor> groutines) {

        static ClassDescriptor of(GroutinesDefinition d) {
            return new ClassDescriptor(d.name(), d.bean().getClass().getName(), d.beanName(), d.triggers().stream()
                    .map(t -> new TriggerDescriptor(t.method().getName(), t.trigger(),
                            t.target() != null ? t.target().toString() : null))
                    .toList());
        }
    }

    /**
     * A groutine method.
     * @param method its name
     * @param trigger what triggers it
     * @param target the resolved callable, for a call trigger
     */
    public record TriggerDescriptor(String method, String trigger, String target) {
    }

    /**
     * A class skipped at startup.
     * @param className its class
     * @param method the wrong method, if known
     * @param target the target as written
     * @param problem what is wrong
     * @param fix what to do
     */
    public record SkippedDescriptor(String className, String method, String target, String problem, String fix) {

        static SkippedDescriptor of(GroutineDeclarationException ex) {
            return new SkippedDescriptor(ex.groutinesClass(), ex.method(), ex.target(), ex.problem(), ex.fix());
        }
    }

    /**
     * JVM-wide counters of the runtime, plus the hubs this application opened.
     * @param openHubs hubs created and not closed
     * @param liveGroutines groutines spawned and not ended
     * @param dispatched calls and events handed to groutines so far
     * @param hubsOpened hubs opened by this application (requests and {@code GroutineSpawner}) since startup
     */
    public record Counters(long openHubs, long liveGroutines, long dispatched, long hubsOpened) {
    }
}
