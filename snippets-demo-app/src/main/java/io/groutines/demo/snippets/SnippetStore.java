package io.groutines.demo.snippets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.groutines.demo.highlight.HighlightedPage;

/**
 * Saves snippets as the tutorial's overridden {@code Snippet.save()} does: the {@code highlighted} page is rebuilt
 * from the current fields on every save, create or update — in one transaction, with the rows it reads.
 */
@Service
@Transactional
public class SnippetStore {

    private final SnippetRepository snippets;
    private final HighlightedPage highlightedPage;

    public SnippetStore(SnippetRepository snippets, HighlightedPage highlightedPage) {
        this.snippets = snippets;
        this.highlightedPage = highlightedPage;
    }

    public Snippet save(Snippet snippet) {
        snippet.setHighlighted(highlightedPage.render(snippet.getCode(), snippet.getLanguage(), snippet.getStyle(),
                snippet.getTitle(), snippet.isLinenos()));
        return snippets.save(snippet);
    }

    public void delete(Snippet snippet) {
        snippets.delete(snippet);
    }
}
