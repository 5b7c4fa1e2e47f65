package io.groutines.boot.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.groutines.Hub;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Every standard way a request hands work to another thread; each answers the work's result and the request's hub,
 * as {@code <result> | <hub>}.
 */
@RestController
class ThreadsController {

    private final Worker worker;

    private final AsyncWorker asyncWorker;

    private final AsyncTaskExecutor executor;

    private final Recorder recorder;

    ThreadsController(Worker worker, AsyncWorker asyncWorker, AsyncTaskExecutor applicationTaskExecutor,
            Recorder recorder) {
        this.worker = worker;
        this.asyncWorker = asyncWorker;
        this.executor = applicationTaskExecutor;
        this.recorder = recorder;
    }

    private static String hub() {
        return Hub.current().map(Hub::name).orElse("(none)");
    }

    @GetMapping("/threads/async-method")
    String asyncMethod(@RequestParam String id) throws Exception {
        return this.asyncWorker.work(id).get() + " | " + hub();
    }

    @GetMapping("/threads/executor")
    String executor(@RequestParam String id) throws Exception {
        return this.executor.submit(() -> this.worker.work(id)).get() + " | " + hub();
    }

    @GetMapping("/threads/completable")
    String completable(@RequestParam String id) throws Exception {
        Supplier<String> work = () -> this.worker.work(id);
        return CompletableFuture.supplyAsync(work, this.executor).thenApplyAsync(String::strip, this.executor).get()
                + " | " + hub();
    }

    @GetMapping("/threads/callable")
    Callable<String> callable(@RequestParam String id) {
        String hub = hub();
        return () -> this.worker.work(id) + " | " + hub;
    }

    @GetMapping("/threads/deferred")
    DeferredResult<String> deferred(@RequestParam String id, @RequestParam(defaultValue = "10000") long timeout) {
        String hub = hub();
        DeferredResult<String> result = new DeferredResult<>(timeout);
        this.executor.execute(() -> result.setResult(this.worker.work(id) + " | " + hub));
        return result;
    }

    /** Work that starts after the response is complete: it must see no hub. */
    @GetMapping("/threads/late")
    String late(@RequestParam String id) {
        CompletableFuture.runAsync(() -> sleep(300), this.executor)
                .thenRunAsync(() -> this.recorder.record(hub(), "late work of " + id), this.executor);
        return hub();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
