package io.groutines.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

/**
 * Configuration of groutines in a Spring Boot application, under the prefix {@code groutines}. Every property is
 * described, with its default and an example, in {@code docs/configuration.md}. Bound once, while the environment is
 * prepared; what the values mean is decided by the starter's startup ({@code GroutinesStartup}), not here.
 */
@ConfigurationProperties(GroutinesProperties.PREFIX)
public class GroutinesProperties {

    /** The prefix of every groutines property. */
    public static final String PREFIX = "groutines";

    /** The filter order used unless {@code groutines.filter.order} says otherwise: before Spring Security (-100). */
    public static final int DEFAULT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * Whether groutines run at all (true, on, yes or 1). Off by default: with it off the starter registers no filter,
     * no bean that runs and no weaving.
     */
    private boolean enabled;

    /**
     * Packages searched for classes annotated @Groutines. Empty means the package of the @SpringBootApplication
     * class (the auto-configuration packages).
     */
    private List<String> scanPackages = new ArrayList<>();

    /**
     * Names of the @Groutines classes that run (their @Groutines value, or their simple class name; ignoring case).
     * Empty means every discovered class.
     */
    private List<String> active = new ArrayList<>();

    /**
     * Whether a wrong trigger (a call target that does not exist, is ambiguous, or cannot be intercepted) stops the
     * application. When false, the whole @Groutines class is skipped with a WARN log line instead.
     */
    private boolean failOnTargetError = true;

    /**
     * Whether groutines may run in an application launched as it is deployed (a jar, a war, an exploded archive, a
     * container image) or with a production-looking profile. Refused by default; set it only if you really mean to
     * patch such a deployment.
     */
    private boolean allowInProduction;

    /**
     * Profile names or patterns (* for any characters), compared ignoring case, that look like production: with one
     * of them active, groutines are refused except in tests.
     */
    private List<String> productionProfiles = new ArrayList<>(List.of("prod*", "prd*", "production", "live"));

    /**
     * Which classes are woven for call interception.
     */
    private final Weave weave = new Weave();

    /**
     * The per-request servlet filter.
     */
    private final Filter filter = new Filter();

    /**
     * The watchdog that reports groutines running for long.
     */
    private final Watchdog watchdog = new Watchdog();

    /**
     * Where the calls that reach each groutine come from.
     */
    private final CallSites callSites = new CallSites();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getScanPackages() {
        return this.scanPackages;
    }

    public void setScanPackages(List<String> scanPackages) {
        this.scanPackages = scanPackages;
    }

    public List<String> getActive() {
        return this.active;
    }

    public void setActive(List<String> active) {
        this.active = active;
    }

    public boolean isFailOnTargetError() {
        return this.failOnTargetError;
    }

    public void setFailOnTargetError(boolean failOnTargetError) {
        this.failOnTargetError = failOnTargetError;
    }

    public boolean isAllowInProduction() {
        return this.allowInProduction;
    }

    public void setAllowInProduction(boolean allowInProduction) {
        this.allowInProduction = allowInProduction;
    }

    public List<String> getProductionProfiles() {
        return this.productionProfiles;
    }

    public void setProductionProfiles(List<String> productionProfiles) {
        this.productionProfiles = productionProfiles;
    }

    public Weave getWeave() {
        return this.weave;
    }

    public Filter getFilter() {
        return this.filter;
    }

    public Watchdog getWatchdog() {
        return this.watchdog;
    }

    public CallSites getCallSites() {
        return this.callSites;
    }

    /**
     * Where the calls that reach each declared groutine come from, for the actuator endpoint and a DEBUG log.
     */
    public static class CallSites {

        /**
         * Whether to record, per groutine, the call sites whose calls reached it (shown by the groutines actuator
         * endpoint; the first call from each new site is logged at DEBUG by io.groutines.boot.spawn.CallSites). Each
         * call that reaches a groutine then walks the calling thread's stack.
         */
        private boolean enabled;

        /**
         * How many distinct call sites to keep per groutine: the most recent ones.
         */
        private int limit = 10;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getLimit() {
            return this.limit;
        }

        public void setLimit(int limit) {
            this.limit = limit;
        }
    }

    /**
     * Reports groutines that run for long while their request waits for them.
     */
    public static class Watchdog {

        /**
         * Whether groutines running longer than the threshold are reported.
         */
        private boolean enabled = true;

        /**
         * How long a groutine may run without waiting before it is reported, with its stack, at WARN. Greater than
         * zero.
         */
        private Duration threshold = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getThreshold() {
            return this.threshold;
        }

        public void setThreshold(Duration threshold) {
            this.threshold = threshold;
        }
    }

    /**
     * The weave scope: which classes the groutines weaver instruments so that their calls can trigger groutines.
     * The classes named by triggers are always in it.
     */
    public static class Weave {

        /**
         * Packages (and their subpackages) or classes woven in addition to the classes named by triggers, e.g.
         * com.example.orders.
         */
        private List<String> include = new ArrayList<>();

        /**
         * Packages or classes never woven, even when a trigger names them; wins over include.
         */
        private List<String> exclude = new ArrayList<>();

        /**
         * Whether to attach the weaver at startup when the JVM was started without the groutines agent
         * (-javaagent). Classes loaded before that point, such as Spring MVC's DispatcherServlet, cannot be woven
         * then; their triggers are reported at startup.
         */
        private boolean attach = true;

        /**
         * Whether the scanned packages (by default the package of the @SpringBootApplication class) are woven, so
         * that any class of the application can be observed without naming it. False weaves only what triggers,
         * weave attributes and include name.
         */
        private boolean applicationPackages = true;

        public boolean isApplicationPackages() {
            return this.applicationPackages;
        }

        public void setApplicationPackages(boolean applicationPackages) {
            this.applicationPackages = applicationPackages;
        }

        public boolean isAttach() {
            return this.attach;
        }

        public void setAttach(boolean attach) {
            this.attach = attach;
        }

        public List<String> getInclude() {
            return this.include;
        }

        public void setInclude(List<String> include) {
            this.include = include;
        }

        public List<String> getExclude() {
            return this.exclude;
        }

        public void setExclude(List<String> exclude) {
            this.exclude = exclude;
        }
    }

    /**
     * The servlet filter that gives each request its hub.
     */
    public static class Filter {

        /**
         * Whether requests run with groutines. Off, groutines run only in hubs opened through GroutineSpawner.
         */
        private boolean enabled = true;

        /**
         * URL patterns the filter applies to, in servlet syntax.
         */
        private List<String> urlPatterns = new ArrayList<>(List.of("/*"));

        /**
         * Order of the filter. The default, Ordered.HIGHEST_PRECEDENCE + 10, runs it before Spring Security's
         * filter chain (-100) so that security calls can be observed.
         */
        private int order = DEFAULT_FILTER_ORDER;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getUrlPatterns() {
            return this.urlPatterns;
        }

        public void setUrlPatterns(List<String> urlPatterns) {
            this.urlPatterns = urlPatterns;
        }

        public int getOrder() {
            return this.order;
        }

        public void setOrder(int order) {
            this.order = order;
        }
    }
}
