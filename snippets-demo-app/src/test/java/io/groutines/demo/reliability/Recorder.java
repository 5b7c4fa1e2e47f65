package io.groutines.demo.reliability;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.http.HttpServletRequest;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.demo.snippets.Snippet;
import io.groutines.demo.snippets.SnippetListController;

/**
 * Test-only groutine of the concurrency proof, spawned into every request's hub: it waits for the snippet list
 * controller's permission check, reads the request id header from the request it receives there, waits for the
 * same call's EXIT and reads the id again, and, for a POST, stamps the snippet being created with the id it saw.
 * What it saw is recorded, so that the test can check that each groutine saw exactly one request: its own.
 * Requests without the header are not recorded.
 */
@Groutines("recorder")
public class Recorder {

    static final String HEADER = "X-Request-Id";

    /** What one request's groutine saw. */
    record Seen(String idAtEnter, String idAtExit, String method, String hub, String threadAtEnter, String threadAtExit) {
    }

    static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

    @Groutine
    void record() {
        FunctionCall check = FunctionCall.of(SnippetListController.class, "checkPermissions");
        Call enter = check.await(Phase.ENTER);
        HttpServletRequest request = (HttpServletRequest) enter.arg(0);
        String id = request.getHeader(HEADER);
        if (id == null) {
            return;
        }
        String hub = Hub.current().map(Hub::name).orElse("none");
        String threadAtEnter = Thread.currentThread().getName();
        Call exit = check.await(Phase.EXIT);
        String idAtExit = ((HttpServletRequest) exit.arg(0)).getHeader(HEADER);
        String threadAtExit = Thread.currentThread().getName();
        if ("POST".equals(request.getMethod())) {
            Call preSave = FunctionCall.of(SnippetListController.class, "preSave").await(Phase.ENTER);
            ((Snippet) preSave.arg(0)).setCode("recorded by " + id);
        }
        SEEN.add(new Seen(id, idAtExit, request.getMethod(), hub, threadAtEnter, threadAtExit));
    }
}
