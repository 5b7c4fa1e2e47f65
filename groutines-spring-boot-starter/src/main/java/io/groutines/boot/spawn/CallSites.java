package io.groutines.boot.spawn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.groutines.Call;
import io.groutines.discovery.GroutineMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Where the calls that reached each declared groutine came from: per groutine method, the last {@code limit}
 * distinct call sites ({@link Call#caller()}), each with how many of its calls arrived, for the {@code groutines}
 * actuator endpoint; the first call from each new site is logged at {@code DEBUG}. A call site is found by walking
 * the calling thread's stack, so it is recorded only when switched on ({@code groutines.call-sites.enabled}): off,
 * nothing is walked.
 */
public final class CallSites {

    private static final Log logger = LogFactory.getLog(CallSites.class);

    private static final CallSites OFF = new CallSites(0);

    private final int limit;

    private final Map<GroutineMethod, Recent> sites = new ConcurrentHashMap<>();

    private CallSites(int limit) {
        this.limit = limit;
    }

    /**
     * @param limit how many distinct call sites to keep per groutine, the most recent ones
     * @return call sites recorded for every groutine spawned with them
     */
    public static CallSites recording(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("groutines.call-sites.limit must be at least 1, not " + limit);
        }
        return new CallSites(limit);
    }

    /** @return call sites that record nothing */
    public static CallSites off() {
        return OFF;
    }

    /** @return whether call sites are recorded */
    public boolean isEnabled() {
        return this.limit > 0;
    }

    /**
     * Records where a call that reached a groutine came from. Called on the groutine, while it handles the call.
     * @param method the groutine
     * @param call the call
     */
    public void record(GroutineMethod method, Call call) {
        StackTraceElement caller = call.caller();
        String site = caller != null ? caller.toString() : "(unknown)";
        boolean first = this.sites.computeIfAbsent(method, m -> new Recent(this.limit)).add(site);
        if (first && logger.isDebugEnabled()) {
            logger.debug("Groutine " + method.name() + " reached by " + call.callable().getDeclaringClass().getName()
                    + "." + call.callable().getName() + " " + call.phase() + " called from " + site);
        }
    }

    /**
     * @param method a groutine
     * @return its recorded call sites, most recent last; empty when none (or when not recording)
     */
    public List<Site> of(GroutineMethod method) {
        Recent recent = this.sites.get(method);
        return recent != null ? recent.snapshot() : List.of();
    }

    /**
     * A place whose calls reached a groutine.
     * @param caller the frame that made the calls, e.g. {@code com.example.OrderController.create(OrderController.java:42)}
     * @param calls how many of its calls reached the groutine since it was first seen (or last fell out of the list)
     */
    public record Site(String caller, long calls) {
    }

    /** The most recently used distinct sites of one groutine. */
    private static final class Recent {

        private final LinkedHashMap<String, long[]> sites;

        Recent(int limit) {
            this.sites = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                    return size() > limit;
                }
            };
        }

        /** @return whether the site is new */
        synchronized boolean add(String site) {
            long[] count = this.sites.get(site);
            if (count == null) {
                this.sites.put(site, new long[] { 1 });
                return true;
            }
            count[0]++;
            return false;
        }

        synchronized List<Site> snapshot() {
            List<Site> list = new ArrayList<>(this.sites.size());
            this.sites.forEach((site, count) -> list.add(new Site(site, count[0])));
            return list;
        }
    }
}
