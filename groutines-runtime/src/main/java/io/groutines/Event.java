package io.groutines;

import java.util.Objects;

/**
 * A custom event, known by its name: groutines {@linkplain #await() wait} for it and code {@linkplain #fire fires}
 * it with data. Two {@code Event}s with the same name are the same event.
 *
 * <pre>{@code
 * Event.named("DISPATCH").fire(view, request);      // in one groutine
 * Object[] data = Event.named("DISPATCH").await();   // in another
 * }</pre>
 */
public final class Event {

    private final String name;

    private Event(String name) {
        this.name = name;
    }

    /**
     * @param name the event's name
     * @return the event of that name
     * @throws IllegalArgumentException when the name is blank
     */
    public static Event named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An event needs a name, e.g. Event.named(\"DISPATCH\")");
        }
        return new Event(name);
    }

    /** @return the event's name */
    public String name() {
        return name;
    }

    /**
     * Resumes every groutine waiting for this event in the hubs bound to the calling thread — in the order they
     * started waiting, each on the calling thread until it next suspends or ends — then returns. A groutine that waits again while the
     * event is being fired is resumed by the next {@code fire}, not this one. An exception escaping a resumed groutine
     * propagates out of {@code fire}, and groutines after it are not resumed.
     * @param data what each waiting {@link #await()} returns (shared, not copied)
     * @return how many groutines were resumed
     * @throws IllegalStateException when no hub is bound to the calling thread
     */
    public int fire(Object... data) {
        Binding binding = Binding.innermost();
        if (binding == null) {
            throw new IllegalStateException(this + ".fire() on thread '" + Thread.currentThread().getName()
                    + "', which has no hub: open one with Hub.open() (the groutines filter does this for each "
                    + "request) or fire from inside a groutine");
        }
        return Dispatcher.fire(binding, name, data);
    }

    /**
     * Suspends the calling groutine until this event is fired in its hub.
     * @return the data passed to {@link #fire}
     * @throws IllegalStateException outside a groutine
     * @throws GroutineExit when the groutine is killed while waiting
     */
    public Object[] await() {
        Strand strand = Strand.require(this + ".await()");
        return (Object[]) strand.await(Waiter.event(strand, name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Event event && event.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "Event(" + name + ")";
    }
}
