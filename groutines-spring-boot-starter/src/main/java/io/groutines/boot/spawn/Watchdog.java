package io.groutines.boot.spawn;

import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.groutines.Hub;
import io.groutines.Strand;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Reports groutines that run for long while their hub's request waits: a groutine runs on the request's thread, and
 * the JVM cannot preempt it, so one that loops, sleeps or blocks holds its request until it returns or awaits. Every
 * groutine running for longer than the threshold is reported at WARN, with its hub, its thread and its stack, and
 * again each time it has run for another threshold. The {@code groutines} actuator endpoint shows them too.
 */
public class Watchdog implements InitializingBean, DisposableBean {

    private static final Log logger = LogFactory.getLog(Watchdog.class);

    private final LiveHubs liveHubs;

    private final Duration threshold;

    /** How long each strand had run when it was last reported. */
    private final Map<Strand, Duration> reported = new WeakHashMap<>();

    private ScheduledExecutorService executor;

    /**
     * @param liveHubs the hubs to watch
     * @param threshold how long a groutine may run before it is reported
     */
    public Watchdog(LiveHubs liveHubs, Duration threshold) {
        this.liveHubs = liveHubs;
        this.threshold = threshold;
    }

    @Override
    public void afterPropertiesSet() {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "groutines-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, Math.min(1000, this.threshold.toMillis() / 2));
        this.executor.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Looks at every groutine of every open hub once. */
    void check() {
        try {
            for (Hub hub : this.liveHubs.hubs()) {
                for (Strand strand : hub.strands()) {
                    strand.runningFor().ifPresent(running -> report(hub, strand, running));
                }
            }
        }
        catch (RuntimeException ex) {
            logger.debug("Watchdog check failed", ex);
        }
    }

    private void report(Hub hub, Strand strand, Duration running) {
        if (running.compareTo(this.threshold) < 0) {
            return;
        }
        synchronized (this.reported) {
            Duration last = this.reported.get(strand);
            if (last != null && running.compareTo(last) >= 0 && running.minus(last).compareTo(this.threshold) < 0) {
                return;
            }
            this.reported.put(strand, running);
        }
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : strand.stackTrace()) {
            stack.append("\n\tat ").append(frame);
        }
        logger.warn("Groutine '" + strand.name() + "' of " + hub.name() + " has been running for "
                + running.toMillis() + " ms without waiting (groutines.watchdog.threshold=" + this.threshold.toMillis()
                + "ms): its request waits for it, because a groutine is not preempted — it must return or await. It "
                + "runs at:" + stack);
    }

    @Override
    public void destroy() {
        if (this.executor != null) {
            this.executor.shutdownNow();
        }
    }
}
