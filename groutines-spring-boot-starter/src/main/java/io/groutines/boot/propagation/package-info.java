/**
 * A request's groutines follow its work onto other threads: the hubs bound where work is handed to a Spring executor
 * ({@code @Async}, {@code TaskExecutor}, MVC async, {@code CompletableFuture} stages on such executors) are bound on
 * the thread that runs it, through Micrometer's context propagation and Spring's {@code TaskDecorator}.
 */
package io.groutines.boot.propagation;
