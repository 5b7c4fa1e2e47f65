package io.groutines.demo.groutines;

import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import org.springframework.http.HttpStatusCode;

/**
 * The original's {@code make_responses_raise_exc}: when a response that is not 2xx is built, throws an exception
 * carrying its body, so the developer gets the stack of frames that built it instead of a bare 400.
 *
 * <pre>
 * &#64;groutine(FunctionCall('rest_framework.mixins.Response', argnames=('data', 'status')))
 * def make_responses_raise_exc(data, status, *args, **kw):
 *     if status // 100 != 2:
 *         raise Exception(data)
 * </pre>
 */
@Groutines("make_responses_raise_exc")
public class MakeResponsesRaiseExc {

    @Groutine(call = "org.springframework.http.ResponseEntity.<init>(java.lang.Object,org.springframework.http.HttpStatusCode)",
            phase = Phase.ENTER, argNames = { "data", "status" }, loop = true)
    void makeResponsesRaiseExc(Object data, HttpStatusCode status) {
        if (!status.is2xxSuccessful()) {
            throw new ResponseNotOk(status, data);
        }
    }

    /** The exception that replaces a response that is not 2xx. */
    public static final class ResponseNotOk extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ResponseNotOk(HttpStatusCode status, Object data) {
            super("Response " + status.value() + ": " + data);
        }
    }
}
