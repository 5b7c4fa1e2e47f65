package io.groutines.boot.spawn;

import io.groutines.Hub;

/**
 * Adds groutines to every hub the {@link GroutineSpawner} fills — each request's hub, each hub opened with
 * {@link GroutineSpawner#open(String)} — after the application's active groutines. Beans of this type are called in
 * order ({@link org.springframework.core.Ordered}); the test support uses one to put a test's groutines into the
 * requests of a real server.
 */
@FunctionalInterface
public interface HubInitializer {

    /**
     * Called on the thread the hub is bound to, right after the active groutines were spawned into it.
     * @param hub the hub
     */
    void initialize(Hub hub);
}
