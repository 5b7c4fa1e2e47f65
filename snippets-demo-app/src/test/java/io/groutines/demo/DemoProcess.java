package io.groutines.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo in a JVM of its own, started as a user starts it, its output in a log file: for the tests that need a
 * launch of their own (a packaged jar, a DevTools run). Closing it stops the JVM.
 */
public final class DemoProcess implements AutoCloseable {

    /** Spring Boot's line once the application has started (again, after a DevTools restart). */
    public static final String STARTED = "Started SnippetsApplication";

    private static final String FAILED = "APPLICATION FAILED TO START";

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;

    private final Path log;

    private DemoProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param command the command line, the {@code java} executable first
     * @param directory the working directory, or {@code null} for this JVM's
     * @param log where the output goes (standard output and error)
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static DemoProcess launch(List<String> command, Path directory, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        return new DemoProcess(builder.start(), log);
    }

    /**
     * Waits for the application to have started once more than before, and fails when it stops or fails to start.
     * @param startsBefore how many times it had started before ({@link #count} of {@link #STARTED} in the output)
     * @return the port it listens on now
     * @throws Exception when it did not start within 150 s, or could not be waited for
     */
    public int awaitStarted(int startsBefore) throws Exception {
        int failuresBefore = count(output(), FAILED);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            String out = output();
            if (count(out, STARTED) > startsBefore) {
                Matcher port = PORT.matcher(out);
                int found = -1;
                while (port.find()) {
                    found = Integer.parseInt(port.group(1));
                }
                return found;
            }
            if (!this.process.isAlive() || count(out, FAILED) > failuresBefore) {
                throw new AssertionError("the demo did not start:\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the demo did not start within 150 s:\n" + tail());
    }

    /**
     * @param seconds how long to wait
     * @return whether the process ended within them
     * @throws InterruptedException when interrupted
     */
    public boolean awaitEnd(long seconds) throws InterruptedException {
        return this.process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** @return the process's id, for {@code jcmd} */
    public long pid() {
        return this.process.pid();
    }

    /**
     * @return everything it has written so far
     * @throws IOException when the log cannot be read
     */
    public String output() throws IOException {
        return Files.readString(this.log);
    }

    /**
     * @return the last 8 000 characters it has written, for a failure's message
     * @throws IOException when the log cannot be read
     */
    public String tail() throws IOException {
        String out = output();
        return out.substring(Math.max(0, out.length() - 8000));
    }

    /**
     * @param text an output
     * @param part a line's part
     * @return how often the part occurs in the text
     */
    public static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /** Stops the JVM: as a terminal's Ctrl-C does, then by force after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (this.process.isAlive()) {
            this.process.destroy();
            if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
    }
}
