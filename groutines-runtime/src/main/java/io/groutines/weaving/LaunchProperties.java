package io.groutines.weaving;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The groutines settings a JVM was launched with, as the agent reads them before any application class loads:
 * Spring Boot's command-line arguments ({@code --groutines.enabled=false}), then system properties
 * ({@code -Dgroutines.enabled=false}), then environment variables ({@code GROUTINES_ENABLED=false}) — the order of
 * precedence Spring Boot gives them. Configuration files and profiles are read later, by the application, which then
 * tells the weaver what it decided ({@link Weaving#decide}); what is read here only lets the agent start with that
 * decision when the launch already says it.
 */
final class LaunchProperties {

    private final List<String> arguments;

    LaunchProperties(List<String> arguments) {
        this.arguments = arguments;
    }

    /** @return the settings of this JVM's launch */
    static LaunchProperties ofThisJvm() {
        // the launcher's record of the main class (or jar) and its arguments; absent on some JVMs
        String command = System.getProperty("sun.java.command", "");
        List<String> words = Arrays.asList(command.strip().split("\\s+"));
        return new LaunchProperties(words.size() > 1 ? words.subList(1, words.size()) : List.of());
    }

    /**
     * @param name a property name, e.g. {@code groutines.enabled}
     * @return its value at launch, if the launch gives one
     */
    Optional<String> get(String name) {
        String prefix = "--" + name + "=";
        for (int i = arguments.size() - 1; i >= 0; i--) { // the last one wins, as in Spring Boot
            if (arguments.get(i).startsWith(prefix)) {
                return Optional.of(arguments.get(i).substring(prefix.length()));
            }
        }
        String property = System.getProperty(name);
        if (property != null) {
            return Optional.of(property);
        }
        return Optional.ofNullable(System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "")));
    }

    /**
     * @param name a boolean property
     * @return its value at launch, if the launch gives one Spring Boot would read as a boolean
     */
    Optional<Boolean> getBoolean(String name) {
        return get(name).map(v -> v.strip().toLowerCase(Locale.ROOT)).flatMap(v -> switch (v) {
            case "true", "on", "yes", "1" -> Optional.of(true);
            case "false", "off", "no", "0" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    /**
     * @param name a list property
     * @return its comma-separated entries at launch, stripped, if the launch gives it
     */
    Optional<List<String>> getList(String name) {
        return get(name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList());
    }
}
