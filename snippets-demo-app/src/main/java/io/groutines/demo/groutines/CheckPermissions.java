package io.groutines.demo.groutines;

import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The original's {@code check_permissions}: returns "allowed" at ENTER of the permission check, so the check itself
 * does not run and an anonymous write gets through.
 *
 * <pre>
 * &#64;groutine(FunctionCall('rest_framework.views.APIView.check_permissions'), typ='ENTER')
 * def check_permissions(view, request, **kw):
 *     return True
 * </pre>
 */
@Groutines("check_permissions")
public class CheckPermissions {

    @Groutine(call = "io.groutines.demo.snippets.SnippetListController.checkPermissions", phase = Phase.ENTER)
    boolean checkPermissions(HttpServletRequest request) {
        return true;
    }
}
