package io.groutines.boot.app;

import java.util.concurrent.CompletableFuture;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** An {@code @Async} method, run on Spring Boot's application task executor. */
@Component
public class AsyncWorker {

    private final Worker worker;

    AsyncWorker(Worker worker) {
        this.worker = worker;
    }

    @Async
    public CompletableFuture<String> work(String input) {
        return CompletableFuture.completedFuture(this.worker.work(input));
    }
}
