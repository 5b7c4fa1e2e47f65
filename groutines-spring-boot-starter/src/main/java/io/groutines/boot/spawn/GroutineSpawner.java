package io.groutines.boot.spawn;

import java.util.ArrayList;
import java.util.List;

import io.groutines.Hub;
import io.groutines.Strand;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.discovery.GroutineMethod;

/**
 * Spawns the application's active groutines into a hub. The request filter uses it for each request; use it
 * directly for groutines that are not per request — for the whole run of a {@code CommandLineRunner}, a scheduled
 * job, or a test:
 *
 * <pre>{@code
 * try (Hub hub = spawner.open("nightly-import")) {   // bound to this thread, groutines spawned
 *     importer.run();                               // its calls and events reach them
 * }                                                 // kills what is left
 * }</pre>
 */
public class GroutineSpawner {

    private final GroutinesCatalog catalog;

    private final LiveHubs liveHubs;

    private final List<HubInitializer> initializers;

    private final CallSites callSites;

    /**
     * @param catalog the active groutines
     * @param liveHubs where open hubs are tracked
     * @param initializers what else to spawn into each hub, in order
     */
    public GroutineSpawner(GroutinesCatalog catalog, LiveHubs liveHubs, List<HubInitializer> initializers) {
        this(catalog, liveHubs, initializers, CallSites.off());
    }

    /**
     * @param catalog the active groutines
     * @param liveHubs where open hubs are tracked
     * @param initializers what else to spawn into each hub, in order
     * @param callSites where the calls that reach each groutine come from, when recorded
     */
    public GroutineSpawner(GroutinesCatalog catalog, LiveHubs liveHubs, List<HubInitializer> initializers,
            CallSites callSites) {
        this.catalog = catalog;
        this.liveHubs = liveHubs;
        this.initializers = List.copyOf(initializers);
        this.callSites = callSites;
    }

    /**
     * Opens a hub bound to the calling thread, with the active groutines spawned in it. Close it (try-with-resources)
     * on the same thread when its scope ends.
     * @param name for messages and monitoring
     * @return the hub
     */
    public Hub open(String name) {
        Hub hub = Hub.open(name);
        try {
            spawnInto(hub, "application");
        }
        catch (RuntimeException | Error ex) {
            hub.close();
            throw ex;
        }
        return hub;
    }

    /**
     * Spawns the active groutines into a hub — one strand per {@code @Groutine} method of every active
     * {@code @Groutines} bean — then runs the {@link HubInitializer}s. Each groutine runs on the calling thread
     * until it first waits; call it where the hub is bound.
     * @param hub the hub
     * @param origin what the hub is for, e.g. {@code request}, for monitoring
     * @return the strands spawned from the catalog
     */
    public List<Strand> spawnInto(Hub hub, String origin) {
        this.liveHubs.track(hub, origin);
        List<Strand> strands = new ArrayList<>();
        for (GroutinesCatalog.Entry entry : this.catalog.entries()) {
            for (GroutineMethod method : entry.methods()) {
                strands.add(this.callSites.isEnabled()
                        ? method.spawnInto(hub, entry.bean(), call -> this.callSites.record(method, call))
                        : method.spawnInto(hub, entry.bean()));
            }
        }
        for (HubInitializer initializer : this.initializers) {
            initializer.initialize(hub);
        }
        return strands;
    }

    /** @return the active groutines */
    public GroutinesCatalog catalog() {
        return this.catalog;
    }

    /** @return where the calls that reached each groutine came from */
    public CallSites callSites() {
        return this.callSites;
    }

    /** @return the open hubs */
    public LiveHubs liveHubs() {
        return this.liveHubs;
    }
}
