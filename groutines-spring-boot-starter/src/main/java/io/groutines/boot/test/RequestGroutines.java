package io.groutines.boot.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.groutines.GroutineExit;
import io.groutines.Hub;
import io.groutines.boot.spawn.HubInitializer;

/**
 * A test's groutines for requests served on other threads — a real server ({@code RANDOM_PORT}) — where a hub
 * opened on the test's thread sees nothing. Import it into the test's context ({@code @Import(RequestGroutines.class)}),
 * add groutines, and every request spawns them into its hub after the application's groutines:
 *
 * <pre>{@code
 * try (RequestGroutines.Registration seen = requestGroutines.add("seen", () -> {
 *         Object[] data = Event.named("ORDER").await();
 *         assertThat(data[0]).isEqualTo("42");
 *     })) {
 *     http.get("/orders/42");
 *     seen.assertFinished(1);   // ran to the end once, without failing
 * }
 * }</pre>
 * A groutine runs on the server's thread, so a failed assertion inside it fails the request (and is kept for
 * {@link Registration#assertFinished}); a groutine still waiting when the response completes is killed and counted.
 */
public class RequestGroutines implements HubInitializer {

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /**
     * Spawns a groutine into every request's hub until the registration is closed.
     * @param name the groutine's name
     * @param body its code
     * @return the registration, which counts what happened to the groutine
     */
    public Registration add(String name, Runnable body) {
        Registration registration = new Registration(name, body);
        this.registrations.add(registration);
        return registration;
    }

    @Override
    public void initialize(Hub hub) {
        for (Registration registration : this.registrations) {
            hub.spawn(registration.name, registration::run);
        }
    }

    /**
     * One groutine spawned into every request, and what became of it.
     */
    public final class Registration implements AutoCloseable {

        private final String name;

        private final Runnable body;

        private final AtomicInteger spawned = new AtomicInteger();

        private final AtomicInteger finished = new AtomicInteger();

        private final AtomicInteger killed = new AtomicInteger();

        private final List<Throwable> failures = new CopyOnWriteArrayList<>();

        private Registration(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        private void run() {
            this.spawned.incrementAndGet();
            try {
                this.body.run();
                this.finished.incrementAndGet();
            }
            catch (GroutineExit exit) {
                this.killed.incrementAndGet();
                throw exit;
            }
            catch (RuntimeException | Error ex) {
                this.failures.add(ex);
                throw ex;
            }
        }

        /** @return how many requests spawned it */
        public int spawned() {
            return this.spawned.get();
        }

        /** @return how many times it ran to its end */
        public int finished() {
            return this.finished.get();
        }

        /** @return how many times it was killed while still waiting (its request completed first) */
        public int killed() {
            return this.killed.get();
        }

        /** @return what it threw */
        public List<Throwable> failures() {
            return List.copyOf(this.failures);
        }

        /**
         * @param times how many times it must have run to its end
         * @throws AssertionError when it failed, or finished another number of times
         */
        public void assertFinished(int times) {
            if (!this.failures.isEmpty()) {
                AssertionError error = new AssertionError("Request groutine '" + this.name + "' failed "
                        + this.failures.size() + " time(s): " + this.failures.get(0));
                this.failures.forEach(error::addSuppressed);
                throw error;
            }
            if (this.finished.get() != times) {
                throw new AssertionError("Request groutine '" + this.name + "' finished " + this.finished.get()
                        + " time(s), expected " + times + " (spawned " + this.spawned.get() + ", killed while waiting "
                        + this.killed.get() + ")");
            }
        }

        /** Stops spawning it into new requests. */
        @Override
        public void close() {
            RequestGroutines.this.registrations.remove(this);
        }
    }
}
