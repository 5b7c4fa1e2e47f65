package io.groutines.demo.highlight;

import java.util.concurrent.CompletableFuture;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Renders a snippet's highlighted page on the application's task executor: highlighting a long snippet is the slow
 * part of a save, so a request hands it over to {@code @Async} work (and waits for it before it answers).
 */
@Service
public class BackgroundHighlighter {

    private final HighlightedPage page;

    public BackgroundHighlighter(HighlightedPage page) {
        this.page = page;
    }

    @Async
    public CompletableFuture<String> render(String code, String language, String style, String title, boolean linenos) {
        return CompletableFuture.completedFuture(page.render(code, language, style, title, linenos));
    }
}
