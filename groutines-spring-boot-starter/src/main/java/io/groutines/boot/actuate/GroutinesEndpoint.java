package io.groutines.boot.actuate;

import java.util.List;

import io.groutines.Hub;
import io.groutines.LockCheck;
import io.groutines.boot.discovery.Discovery;
import io.groutines.boot.discovery.GroutineDeclarationException;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.spawn.CallSites;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.discovery.GroutineClass;
import io.groutines.DeclaredGroutine;
import io.groutines.weaving.WeaveScope;
import io.groutines.weaving.Weaving;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code groutines} endpoint: the groutine classes and their triggers, the classes found but switched off or
 * skipped, the weave scope, the hubs open now with their groutines (those running for long with their stacks), and
 * counters. Read-only.
 */
@Endpoint(id = "groutines")
public class GroutinesEndpoint {

    private final GroutinesCatalog catalog;

    private final LiveHubs liveHubs;

    private final Discovery discovery;

    private final CallSites callSites;

    /**
     * @param catalog the active groutines
     * @param liveHubs the open hubs
     * @param discovery what scanning found
     * @param callSites where the calls that reached each groutine came from, when recorded
     */
    public GroutinesEndpoint(GroutinesCatalog catalog, LiveHubs liveHubs, Discovery discovery, CallSites callSites) {
        this.catalog = catalog;
        this.liveHubs = liveHubs;
        this.discovery = discovery;
        this.callSites = callSites;
    }

    /** @return everything the endpoint reports */
    @ReadOperation
    public GroutinesDescriptor groutines() {
        List<ClassDescriptor> active = this.catalog.entries().stream()
                .map(entry -> ClassDescriptor.of(entry, this.callSites)).toList();
        List<String> inactive = this.discovery.inactive().stream().map(GroutineClass::name).toList();
        List<SkippedDescriptor> skipped = this.catalog.skipped().stream().map(SkippedDescriptor::of).toList();
        Hub.Statistics statistics = Hub.statistics();
        long[] weaving = Weaving.counts();
        Counters counters = new Counters(statistics.openHubs(), statistics.liveGroutines(), statistics.dispatched(),
                this.liveHubs.openedCount(), weaving[0], weaving[1], weaving[2], weaving[3]);
        WeaveScope scope = Weaving.isStarted() ? Weaving.scope() : null;
        return new GroutinesDescriptor(this.discovery.packages(), active, inactive, skipped,
                scope != null ? new ScopeDescriptor(scope.included(), scope.excluded(), scope.applicationClasses().size(),
                        scope.applicationCode(), Weaving.cache()) : null,
                LockCheckDescriptor.of(statistics.lockCheck()), this.liveHubs.snapshot(), counters);
    }

    /**
     * The endpoint's answer.
     * @param scannedPackages where {@code @Groutines} classes were searched
     * @param classes the active groutine classes
     * @param inactive names of classes found but switched off by configuration
     * @param skipped classes skipped for a wrong trigger
     * @param weaveScope what the weaver weaves; {@code null} when no weaver runs
     * @param lockCheck how this JVM checks a thread's locks when a groutine suspends
     * @param hubs the hubs open now
     * @param counters JVM-wide counters
     */
    public record GroutinesDescriptor(List<String> scannedPackages, List<ClassDescriptor> classes,
            List<String> inactive, List<SkippedDescriptor> skipped, ScopeDescriptor weaveScope,
            LockCheckDescriptor lockCheck, List<LiveHubs.HubSnapshot> hubs, Counters counters) {
    }

    /**
     * How this JVM checks a thread's locks when a groutine suspends ({@link LockCheck}).
     * @param mode {@code fast-count}, {@code internal-snapshot}, {@code public-api} or {@code off}
     * @param reason why that way, and what it costs
     */
    public record LockCheckDescriptor(String mode, String reason) {

        static LockCheckDescriptor of(LockCheck check) {
            return new LockCheckDescriptor(check.mode().label(), check.reason());
        }
    }

    /**
     * The weave scope.
     * @param include entries woven
     * @param exclude entries never woven
     * @param applicationClasses how many classes of the application's own code the agent wove from the JVM's start,
     *        besides the entries
     * @param applicationCode where those classes are
     * @param cache the weaving cache's directory, or {@code none}
     */
    public record ScopeDescriptor(List<String> include, List<String> exclude, int applicationClasses,
            String applicationCode, String cache) {
    }

    /**
     * An active groutine class.
     * @param name its {@code @Groutines} name
     * @param className its class
     * @param bean its bean name
     * @param groutines its groutine methods
     */
    public record ClassDescriptor(String name, String className, String bean, List<TriggerDescriptor> groutines) {

        static ClassDescriptor of(GroutinesCatalog.Entry entry, CallSites callSites) {
            return new ClassDescriptor(entry.name(), entry.type().getName(), entry.beanName(),
                    entry.methods().stream().map(method -> TriggerDescriptor.of(method, callSites)).toList());
        }
    }

    /**
     * A groutine method.
     * @param method its name
     * @param trigger what triggers it
     * @param target the resolved callable, for a call trigger
     * @param callSites for a call trigger, where the calls that reached it came from, the most recent last;
     *        {@code null} unless recorded ({@code groutines.call-sites.enabled=true})
     */
    public record TriggerDescriptor(String method, String trigger, String target, List<CallSites.Site> callSites) {

        static TriggerDescriptor of(DeclaredGroutine method, CallSites callSites) {
            return new TriggerDescriptor(method.method().getName(), method.describeTrigger(),
                    method.trigger() != null ? method.trigger().callable().toString() : null,
                    method.trigger() != null && callSites.isEnabled() ? callSites.of(method) : null);
        }
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
     * @param wovenClasses classes the weaver wove
     * @param weavingFailures classes the weaver failed on (left unwoven; each was logged)
     * @param wovenFromCache of the woven classes, those taken from the weaving cache (woven by an earlier JVM)
     * @param wovenAhead of the woven classes, those woven on the weaver's own thread before they were loaded
     */
    public record Counters(long openHubs, long liveGroutines, long dispatched, long hubsOpened, long wovenClasses,
            long weavingFailures, long wovenFromCache, long wovenAhead) {
    }
}
