package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import org.springframework.web.method.HandlerMethod;

/**
 * The original's {@code start_view}: waits for the request's dispatch to a handler and fires {@code DISPATCH} with
 * the handler's controller (DRF's view) and the request.
 *
 * <pre>
 * &#64;groutine()
 * def start_view():
 *     view, request = FunctionCall('rest_framework.views.APIView.dispatch').wait('ENTER')
 *     Event('DISPATCH').fire(view, request)
 * </pre>
 */
@Groutines(value = "start_view", weave = "org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter")
public class StartView {

    /** Spring MVC's counterpart of {@code APIView.dispatch}: every handler method is invoked through it. */
    static final String DISPATCH = "org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle";

    @Groutine
    void startView() {
        Call call = FunctionCall.of(DISPATCH).await(Phase.ENTER);
        if (call.arg(2) instanceof HandlerMethod handler) {
            Event.named("DISPATCH").fire(handler.getBean(), call.arg(0));
        }
    }
}
