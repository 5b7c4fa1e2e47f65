package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.demo.snippets.Snippet;
import io.groutines.demo.snippets.SnippetListController;
import io.groutines.demo.users.UserRepository;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The original's {@code fill_user}: woken by {@code DISPATCH}, waits for that very view's pre-save hook and makes
 * user {@code vitalii}, read from the database, the owner of the new snippet. The hook itself is skipped: it would
 * set the request's (anonymous) user.
 *
 * <pre>
 * &#64;groutine(Event('DISPATCH'))
 * def fill_user(view, request):
 *     _, snippet = FunctionCall((view, 'pre_save')).wait(typ='ENTER')
 *     snippet.owner = User.objects.get(username='vitalii')
 * </pre>
 */
@Groutines(value = "fill_user", weave = "io.groutines.demo.snippets.SnippetListController")
public class FillUser {

    private final UserRepository users;

    public FillUser(UserRepository users) {
        this.users = users;
    }

    @Groutine(event = "DISPATCH")
    void fillUser(Object view, HttpServletRequest request) {
        if (!(view instanceof SnippetListController)) {
            return; // only the snippet list view creates snippets
        }
        Call call = FunctionCall.of(view, "preSave").await(Phase.ENTER);
        ((Snippet) call.arg(0)).setOwner(users.findByUsername("vitalii").orElseThrow());
        call.replaceResult(null);
    }
}
