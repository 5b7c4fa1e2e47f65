package io.groutines.boot.app;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import io.groutines.Event;
import io.groutines.Hub;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Every path a request can take, each firing {@code SEEN} with its id so that the groutines record it. */
@RestController
class TestController {

    private final Recorder recorder;

    private final Greeter greeter;

    TestController(Recorder recorder, Greeter greeter) {
        this.recorder = recorder;
        this.greeter = greeter;
    }

    private static String seen(String id) {
        Event.named("SEEN").fire(id);
        return Hub.current().orElseThrow().name();
    }

    @GetMapping("/seen")
    String seenEndpoint(@RequestParam String id) {
        return seen(id);
    }

    @GetMapping("/exception")
    String exception(@RequestParam String id) {
        seen(id);
        throw new IllegalStateException("boom " + id);
    }

    @GetMapping("/error-status")
    void errorStatus(@RequestParam String id, HttpServletResponse response) throws IOException {
        seen(id);
        response.sendError(418, "teapot " + id);
    }

    @GetMapping("/async")
    DeferredResult<String> async(@RequestParam String id) {
        String hub = seen(id);
        DeferredResult<String> result = new DeferredResult<>(10_000L);
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> {
            // the first dispatch has returned; the request's groutines must still be alive
            this.recorder.record(hub, this.recorder.killed(hub) ? "dead before completion" : "alive before completion");
            result.setResult(hub);
        });
        return result;
    }

    @GetMapping("/abort")
    void abort(@RequestParam String id, HttpServletResponse response) throws Exception {
        seen(id);
        this.recorder.latch(id).await(10, TimeUnit.SECONDS);
        // the client is gone: writing enough fails with an IOException (ClientAbortException)
        OutputStream out = response.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 2000; i++) {
            out.write(chunk);
            out.flush();
        }
    }

    @GetMapping("/greet")
    String greet(@RequestParam String name) {
        return this.greeter.greet(name) + " from " + Hub.current().orElseThrow().name();
    }
}
