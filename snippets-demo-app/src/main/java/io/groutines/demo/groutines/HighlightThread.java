package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.Strand;
import io.groutines.demo.highlight.HighlightedPage;
import io.groutines.demo.snippets.Snippet;
import io.groutines.demo.snippets.SnippetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a request's work onto another thread: the snippet a request saves is highlighted by {@code @Async} work on
 * the application's task executor, and this groutine of that request sees that call there — on the executor's
 * thread, with the request's hub — and nothing of any other request. Not in the original framework (a greenlet
 * never leaves its thread); switched on with {@code groutines.active}.
 */
@Groutines("highlight_thread")
public class HighlightThread {

    private static final Logger log = LoggerFactory.getLogger(HighlightThread.class);

    @Groutine
    void follow() {
        Call save = FunctionCall.of(SnippetStore.class, "save").await(Phase.ENTER); // on the request's thread
        String title = ((Snippet) save.arg(0)).getTitle();
        String requestThread = Thread.currentThread().getName();
        Call render = FunctionCall.of(HighlightedPage.class, "render").await(Phase.ENTER); // on the executor's
        log.info("highlight_thread: '{}' saved on {} and highlighted on {}, in {}, same snippet: {}", title,
                requestThread, Thread.currentThread().getName(), Strand.current().orElseThrow().hub().name(),
                title.equals(render.arg("title")));
    }
}
