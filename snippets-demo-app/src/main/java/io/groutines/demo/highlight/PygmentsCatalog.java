package io.groutines.demo.highlight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The language and style choices of the tutorial's model, shipped as resources generated from Pygments 2.20:
 * {@code highlight/pygments-lexers.txt} (the first alias of each lexer, as {@code LANGUAGE_CHOICES} takes them),
 * {@code highlight/pygments-styles.txt} and one stylesheet per style under {@code highlight/styles/}.
 * Loaded once at start-up and read-only afterwards, so safe to share between requests.
 */
@Component
public class PygmentsCatalog {

    private final Map<String, String> lexerNames;
    private final Set<String> styles;
    private final Map<String, String> stylesheets;

    public PygmentsCatalog() {
        lexerNames = new LinkedHashMap<>();
        for (String line : lines("highlight/pygments-lexers.txt")) {
            String[] aliasAndName = line.split("\t", 2);
            lexerNames.put(aliasAndName[0], aliasAndName.length > 1 ? aliasAndName[1] : aliasAndName[0]);
        }
        List<String> styleNames = lines("highlight/pygments-styles.txt");
        styles = Set.copyOf(styleNames);
        stylesheets = new LinkedHashMap<>();
        for (String style : styleNames) {
            stylesheets.put(style, read("highlight/styles/" + style + ".css"));
        }
    }

    public boolean isLanguage(String alias) {
        return lexerNames.containsKey(alias);
    }

    public boolean isStyle(String name) {
        return styles.contains(name);
    }

    /** Every language alias, sorted. */
    public List<String> languages() {
        return List.copyOf(lexerNames.keySet());
    }

    /** The lexer's display name, e.g. "Python" for {@code python}. */
    public String languageName(String alias) {
        return lexerNames.get(alias);
    }

    /** The stylesheet that colours Pygments' token classes ({@code .k}, {@code .s2}, ...) in this style. */
    public String stylesheet(String style) {
        String css = stylesheets.get(style);
        if (css == null) {
            throw new IllegalArgumentException("Unknown style: " + style);
        }
        return css;
    }

    private static List<String> lines(String resource) {
        return read(resource).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Missing resource " + resource, ex);
        }
    }
}
