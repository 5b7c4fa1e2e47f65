package io.groutines.demo.snippets;

/**
 * The validated fields of a request; null means "not given", and the snippet keeps its value (or its default).
 */
public record SnippetChanges(String title, String code, Boolean linenos, String language, String style) {

    public void applyTo(Snippet snippet) {
        if (title != null) {
            snippet.setTitle(title);
        }
        if (code != null) {
            snippet.setCode(code);
        }
        if (linenos != null) {
            snippet.setLinenos(linenos);
        }
        if (language != null) {
            snippet.setLanguage(language);
        }
        if (style != null) {
            snippet.setStyle(style);
        }
    }
}
