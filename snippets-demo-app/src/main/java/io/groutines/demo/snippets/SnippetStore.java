package io.groutines.demo.snippets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.groutines.demo.highlight.BackgroundHighlighter;

/**
 * Saves snippets as the tutorial's overridden {@code Snippet.save()} does: the {@code highlighted} page is rebuilt
 * from the current fields on every save, create or update — rendered on the application's task executor
 * ({@link BackgroundHighlighter}) — in one transaction, with the rows it reads.
 */
@Service
@Transactional
public class SnippetStore {

    private final SnippetRepository snippets;
    private final BackgroundHighlighter highlighter;

    public SnippetStore(SnippetRepository snippets, BackgroundHighlighter highlighter) {
        this.snippets = snippets;
        this.highlighter = highlighter;
    }

    public Snippet save(Snippet snippet) {
        snippet.setHighlighted(highlighter.render(snippet.getCode(), snippet.getLanguage(), snippet.getStyle(),
                snippet.getTitle(), snippet.isLinenos()).join());
        return snippets.save(snippet);
    }

    public void delete(Snippet snippet) {
        snippets.delete(snippet);
    }
}
