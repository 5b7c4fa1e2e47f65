package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.demo.snippets.SnippetListController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * The seed scenario's waits without its changes, for measuring: the same three groutines per request as
 * {@code start_view}, {@code check_permissions} and {@code fill_user} — the same calls awaited at the same phase,
 * the same {@code DISPATCH} event fired and awaited — but none of them changes anything: every method is
 * {@code void}, no result is replaced and no argument set. The permission check runs, the pre-save hook runs and
 * sets the requesting user as the owner, so the application does the same work as with groutines off, and
 * {@code bench/load.sh} compares off with this set to see what waiting alone costs
 * ({@code --groutines.active=observe_seed}).
 */
@Groutines(value = "observe_seed", weave = { "org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter",
        "io.groutines.demo.snippets.SnippetListController" })
public class ObserveSeed {

    /** As {@link StartView}: waits for the dispatch to a handler and fires {@code DISPATCH}. */
    @Groutine
    void startView() {
        Call call = FunctionCall.of(StartView.DISPATCH).await(Phase.ENTER);
        if (call.arg(2) instanceof HandlerMethod handler) {
            Event.named("DISPATCH").fire(handler.getBean(), call.arg(0));
        }
    }

    /** As {@link CheckPermissions}, but {@code void}: the check is observed and then runs. */
    @Groutine(call = "io.groutines.demo.snippets.SnippetListController.checkPermissions", phase = Phase.ENTER)
    void checkPermissions(HttpServletRequest request) {
    }

    /** As {@link FillUser}: woken by {@code DISPATCH}, waits for that view's pre-save hook, and lets it run. */
    @Groutine(event = "DISPATCH")
    void fillUser(Object view, HttpServletRequest request) {
        if (!(view instanceof SnippetListController)) {
            return;
        }
        FunctionCall.of(view, "preSave").await(Phase.ENTER);
    }
}
