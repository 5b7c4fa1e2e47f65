package io.groutines.demo.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Test-only endpoints that the demo does not have: an async request, one that times out, and a long streamed
 * response for a client that goes away. Picked up by component scanning in every test context of the demo; only
 * the reliability tests call it.
 */
@RestController
@RequestMapping("/reliability/")
public class ReliabilityController {

    /** How the last {@code /reliability/stream} ended: "completed" or the exception that stopped it. */
    static final AtomicReference<String> STREAM_OUTCOME = new AtomicReference<>();

    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reliability-later");
        thread.setDaemon(true);
        return thread;
    });

    /** Completes from another thread after {@code ms} milliseconds, with the request id it was given. */
    @GetMapping("async")
    public DeferredResult<String> async(HttpServletRequest request) {
        String id = request.getHeader(Recorder.HEADER);
        DeferredResult<String> result = new DeferredResult<>(10_000L);
        LATER.schedule(() -> result.setResult("async " + id), 100, TimeUnit.MILLISECONDS);
        return result;
    }

    /** Never completed: times out after 200 ms. */
    @GetMapping("timeout")
    public DeferredResult<String> timeout() {
        return new DeferredResult<>(200L);
    }

    /** Writes 8 KiB chunks, flushed one by one, for up to a few seconds. */
    @GetMapping("stream")
    public void stream(HttpServletResponse response) throws IOException, InterruptedException {
        STREAM_OUTCOME.set(null);
        response.setContentType("application/octet-stream");
        byte[] block = new byte[8192];
        try {
            OutputStream out = response.getOutputStream();
            for (int i = 0; i < 1500; i++) {
                out.write(chunk(block, i));
                out.flush();
                Thread.sleep(2);
            }
            STREAM_OUTCOME.set("completed");
        }
        catch (IOException | RuntimeException ex) {
            STREAM_OUTCOME.set("aborted: " + ex);
            throw ex;
        }
    }

    /** One chunk of the stream; a call that groutines can listen to while the response is being written. */
    public byte[] chunk(byte[] block, int index) {
        block[0] = (byte) index;
        return block;
    }
}
