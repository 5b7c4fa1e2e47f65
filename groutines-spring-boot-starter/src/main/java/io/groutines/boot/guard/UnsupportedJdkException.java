package io.groutines.boot.guard;

import java.io.Serial;

import io.groutines.RequiredJdk;

/**
 * Groutines are switched on in a JVM older than they need ({@link RequiredJdk}). Reported by a failure analyzer.
 */
public class UnsupportedJdkException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String enablement;

    private final String javaVersion;

    private final String javaHome;

    /**
     * @param enablement how groutines were switched on
     */
    public UnsupportedJdkException(Enablement enablement) {
        super("Groutines are switched on (" + enablement + "), but they need JDK " + RequiredJdk.FEATURE
                + " or newer and this JVM is " + RequiredJdk.running());
        this.enablement = enablement.toString();
        this.javaVersion = System.getProperty("java.version");
        this.javaHome = System.getProperty("java.home");
    }

    /** @return how groutines were switched on, e.g. {@code groutines.enabled=on} */
    public String enablement() {
        return this.enablement;
    }

    /** @return this JVM's version, e.g. {@code 17.0.15} */
    public String javaVersion() {
        return this.javaVersion;
    }

    /** @return where this JVM is installed */
    public String javaHome() {
        return this.javaHome;
    }
}
