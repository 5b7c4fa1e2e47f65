package io.groutines.demo.snippets;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.groutines.demo.web.ApiLinks;

/** A snippet as the tutorial's {@code SnippetSerializer} shows it, fields in its order. */
@JsonPropertyOrder({"url", "id", "highlight", "owner", "title", "code", "linenos", "language", "style"})
public record SnippetJson(String url, long id, String highlight, String owner, String title, String code,
        boolean linenos, String language, String style) {

    public static SnippetJson of(Snippet snippet, ApiLinks links) {
        return new SnippetJson(links.snippet(snippet.getId()), snippet.getId(), links.highlight(snippet.getId()),
                snippet.getOwner() == null ? null : snippet.getOwner().getUsername(), snippet.getTitle(),
                snippet.getCode(), snippet.isLinenos(), snippet.getLanguage(), snippet.getStyle());
    }
}
