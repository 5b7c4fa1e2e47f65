package io.groutines.boot.spawn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.groutines.Hub;
import io.groutines.Signals;
import io.groutines.Strand;

/**
 * The hubs of the application that are open now: one per request in flight, plus those opened through
 * {@link GroutineSpawner#open(String)}. For monitoring (the {@code groutines} actuator endpoint) and tests. Closed
 * hubs drop out by themselves.
 *
 * <p>A snapshot is taken from another thread than the hubs'; a hub that is changing at that moment may be reported
 * without its groutines.
 */
public class LiveHubs {

    private final Map<Hub, Entry> hubs = new ConcurrentHashMap<>();

    private final AtomicLong opened = new AtomicLong();

    /**
     * Tracks a hub until it is closed.
     * @param hub the hub
     * @param origin what opened it, e.g. {@code request} or {@code application}
     */
    public void track(Hub hub, String origin) {
        if (this.hubs.putIfAbsent(hub, new Entry(origin, System.currentTimeMillis())) == null) {
            this.opened.incrementAndGet();
        }
        prune();
    }

    /**
     * Stops tracking a hub (it is closed, or about to be).
     * @param hub the hub
     */
    public void forget(Hub hub) {
        this.hubs.remove(hub);
    }

    /** @return how many hubs were tracked since startup */
    public long openedCount() {
        return this.opened.get();
    }

    /** @return the hubs open now */
    public List<Hub> hubs() {
        prune();
        return List.copyOf(this.hubs.keySet());
    }

    /** @return a description of the open hubs and their groutines, oldest first */
    public List<HubSnapshot> snapshot() {
        prune();
        List<HubSnapshot> result = new ArrayList<>();
        this.hubs.forEach((hub, entry) -> {
            List<StrandSnapshot> strands;
            try {
                strands = hub.strands().stream().map(StrandSnapshot::of).toList();
            }
            catch (RuntimeException ex) {
                // the hub's own thread changed it while we looked: report it without groutines
                strands = List.of();
            }
            result.add(new HubSnapshot(hub.name(), entry.origin(), entry.openedAt(), strands));
        });
        result.sort(Comparator.comparingLong(HubSnapshot::openedAt));
        return result;
    }

    private void prune() {
        this.hubs.keySet().removeIf(hub -> !hub.isOpen());
    }

    private record Entry(String origin, long openedAt) {
    }

    /**
     * An open hub.
     * @param name its name
     * @param origin what opened it
     * @param openedAt when, in epoch milliseconds
     * @param strands its groutines that have not ended
     */
    public record HubSnapshot(String name, String origin, long openedAt, List<StrandSnapshot> strands) {
    }

    /**
     * A groutine that has not ended.
     * @param name its name
     * @param waitingFor what it waits for, or {@code null} while it runs
     * @param runningMillis how long it has been running since it was last resumed, or {@code null} while it waits or
     *        holds a call
     * @param stack where it runs, for a groutine that has been running for a second or more (not holding a call)
     * @param hold the call it holds until a signal, or {@code null}
     */
    public record StrandSnapshot(String name, String waitingFor, Long runningMillis, List<String> stack,
            HoldSnapshot hold) {

        static StrandSnapshot of(Strand strand) {
            Optional<String> waiting = strand.waitingFor();
            Optional<Signals.Hold> hold = Signals.holdOf(strand);
            if (hold.isPresent()) {
                return new StrandSnapshot(strand.name(), null, null, null, HoldSnapshot.of(hold.get()));
            }
            Long running = strand.runningFor().map(d -> d.toMillis()).orElse(null);
            List<String> stack = running != null && running >= 1000
                    ? Arrays.stream(strand.stackTrace()).map(StackTraceElement::toString).toList() : null;
            return new StrandSnapshot(strand.name(), waiting.orElse(null), running, stack, null);
        }
    }

    /**
     * A call held by its groutine until a signal: its thread is parked, and the groutine does not run, it waits.
     * @param call what is held, e.g. {@code org.example.Cart.checkout EXIT}
     * @param signal the signal it waits for
     * @param signals the name of the signals it belongs to
     * @param thread the thread that is parked
     * @param since when the hold began, in epoch milliseconds
     * @param heldMillis how long it has held so far
     * @param monitors the {@code synchronized} locks the thread holds while held (empty when none, or not known)
     */
    public record HoldSnapshot(String call, String signal, String signals, String thread, long since, long heldMillis,
            List<String> monitors) {

        static HoldSnapshot of(Signals.Hold hold) {
            return new HoldSnapshot(hold.call(), hold.signal(), hold.signals(), hold.thread(),
                    hold.since().toEpochMilli(), hold.heldFor().toMillis(), hold.monitors());
        }
    }
}
