package io.groutines.demo.snippets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.groutines.demo.highlight.BackgroundHighlighter;

/**
 * Saves snippets as the tutorial's overridden {@code Snippet.save()} does: the {@code highlighted} page is rebuilt
 * from the current fields on every save, create or update — rendered on the application's task executor
 * ({@link BackgroundHighlighter}) — in one transaction, with the rows it reads.
 *
 * <p>An update saves the snippet as its request read it, changed: when another request saved it in between, the
 * {@code @Version} check refuses the save ({@code OptimisticLockingFailureException}, answered 409). With
 * {@code demo.optimistic-locking=false} the check is skipped, as if the entity had no version: the save overwrites
 * the other request's change — a lost update, which {@code LostUpdateTest} makes happen every time.
 */
@Service
@Transactional
public class SnippetStore {

    private final SnippetRepository snippets;
    private final BackgroundHighlighter highlighter;
    private final boolean optimisticLocking;

    public SnippetStore(SnippetRepository snippets, BackgroundHighlighter highlighter,
            @Value("${demo.optimistic-locking:true}") boolean optimisticLocking) {
        this.snippets = snippets;
        this.highlighter = highlighter;
        this.optimisticLocking = optimisticLocking;
    }

    public Snippet save(Snippet snippet) {
        if (!optimisticLocking && snippet.getId() != null) {
            // the racy version: save over whatever the row holds now, whoever wrote it since this request read it
            snippets.findById(snippet.getId()).ifPresent(current -> snippet.setVersion(current.getVersion()));
        }
        snippet.setHighlighted(highlighter.render(snippet.getCode(), snippet.getLanguage(), snippet.getStyle(),
                snippet.getTitle(), snippet.isLinenos()).join());
        return snippets.save(snippet);
    }

    public void delete(Snippet snippet) {
        snippets.delete(snippet);
    }
}
