package io.groutines.demo.groutines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.groutines.Hub;

/**
 * The JVM-wide counters of hubs and groutines, to prove that none survives a response. The server closes a request's
 * hub when its dispatch returns, which may be a moment after the client has read the response: poll briefly.
 */
final class NoLiveGroutines {

    private NoLiveGroutines() {
    }

    /** What is open now; tests run one at a time, so between requests this is what the application keeps (nothing). */
    record Counts(long openHubs, long liveGroutines) {

        static Counts now() {
            return new Counts(Hub.statistics().openHubs(), Hub.statistics().liveGroutines());
        }
    }

    /** Waits up to five seconds for the counters to come back to {@code before}, then asserts they did. */
    static void awaitBackTo(Counts before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Counts now = Counts.now();
        while (!now.equals(before) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            now = Counts.now();
        }
        assertThat(now).as("hubs open and groutines alive after the response").isEqualTo(before);
    }
}
