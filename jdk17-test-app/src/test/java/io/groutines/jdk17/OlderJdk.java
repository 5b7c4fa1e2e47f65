package io.groutines.jdk17;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK older than groutines need, to start the application on, found rather than named: the one given with
 * {@code -Djdk17.home=...}; else the JDK Maven itself runs on, when it is one; else one installed beside the JDK
 * that runs the tests (a JDK directory's siblings, as package managers, SDKMAN! and macOS install them), JDK 17
 * preferred. Its feature release is read from its {@code release} file.
 *
 * @param home the JDK's directory
 * @param feature its Java feature release, e.g. {@code 17}
 * @param how how it was found, for messages
 */
record OlderJdk(Path home, int feature, String how) {

    static final String PROPERTY = "jdk17.home";

    private static final int GROUTINES = 25;

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    /** @return the JDK to start the application on; fails, saying how to name one, when there is none */
    static OlderJdk find() {
        String given = System.getProperty(PROPERTY, "").strip();
        if (!given.isEmpty()) {
            Path home = Path.of(given);
            int feature = feature(home).orElseThrow(() -> new AssertionError(PROPERTY + "=" + given
                    + " is not a JDK: it has no bin/java and release file"));
            if (feature >= GROUTINES) {
                throw new AssertionError(PROPERTY + "=" + given + " is JDK " + feature + "; this test needs a JDK "
                        + "older than " + GROUTINES + ", such as 17");
            }
            return new OlderJdk(home, feature, "given with -D" + PROPERTY);
        }
        List<String> looked = new ArrayList<>();
        String maven = System.getProperty("maven.java.home", "").strip();
        if (!maven.isEmpty()) {
            Path home = Path.of(maven);
            looked.add("Maven's JDK " + home);
            Optional<Integer> feature = feature(home);
            if (feature.isPresent() && feature.get() < GROUTINES) {
                return new OlderJdk(home, feature.get(), "the JDK Maven runs on");
            }
        }
        Path tests = Path.of(System.getProperty("java.home"));
        looked.add("the JDKs beside " + tests);
        for (Path installed : besides(tests)) {
            looked.add(installed.toString());
            Optional<Integer> feature = feature(installed);
            if (feature.isPresent() && feature.get() >= 17 && feature.get() < GROUTINES) {
                return new OlderJdk(installed, feature.get(), "installed beside " + tests);
            }
        }
        throw new AssertionError("No JDK older than " + GROUTINES + " (17 preferred) was found to start the "
                + "application on. Looked at: " + looked + ". Name one: ./mvnw verify -D" + PROPERTY
                + "=/path/to/jdk-17");
    }

    /** @return the java launcher */
    Path java() {
        return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    /** The siblings of a JDK's directory, JDK 17 first, then the others by feature release. */
    private static List<Path> besides(Path home) {
        // macOS: .../JavaVirtualMachines/<jdk>/Contents/Home
        boolean bundle = home.endsWith(Path.of("Contents", "Home"));
        Path parent = bundle ? home.getParent().getParent().getParent() : home.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.map(p -> bundle ? p.resolve("Contents").resolve("Home") : p)
                    .filter(p -> !p.equals(home) && feature(p).isPresent())
                    .sorted(Comparator.comparing((Path p) -> feature(p).get() != 17)
                            .thenComparing(p -> feature(p).get()).thenComparing(Path::toString))
                    .toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    private static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve(isWindows() ? "java.exe" : "java"))) {
            return Optional.empty();
        }
        try {
            Matcher version = VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        }
        catch (IOException ex) {
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public String toString() {
        return "JDK " + feature + " at " + home + " (" + how + ")";
    }
}
