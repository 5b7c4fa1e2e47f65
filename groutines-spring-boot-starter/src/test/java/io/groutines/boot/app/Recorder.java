package io.groutines.boot.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.springframework.stereotype.Component;

/** What the groutines saw, by hub; injected into {@link RecordingGroutines} through its constructor. */
@Component
public class Recorder {

    /** What happened in a hub: spawned, seen data, killed. */
    public record Entry(String hub, String what) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private final List<String> leaks = new CopyOnWriteArrayList<>();

    private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();

    void record(String hub, String what) {
        this.entries.add(new Entry(hub, what));
    }

    public List<Entry> entries() {
        return List.copyOf(this.entries);
    }

    public List<Entry> of(String hub) {
        return this.entries.stream().filter(e -> e.hub().equals(hub)).toList();
    }

    public List<Entry> seen(String data) {
        return this.entries.stream().filter(e -> e.what().equals("seen " + data)).toList();
    }

    public boolean killed(String hub) {
        return this.entries.contains(new Entry(hub, "killed"));
    }

    /** A thread entered a request with a hub bound: a leak from an earlier request. */
    public void leak(String description) {
        this.leaks.add(description);
    }

    public List<String> leaks() {
        return List.copyOf(this.leaks);
    }

    public CountDownLatch latch(String id) {
        return this.latches.computeIfAbsent(id, k -> new CountDownLatch(1));
    }
}
