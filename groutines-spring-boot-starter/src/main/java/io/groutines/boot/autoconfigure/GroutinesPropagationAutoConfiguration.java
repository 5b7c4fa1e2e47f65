package io.groutines.boot.autoconfigure;

import io.groutines.boot.propagation.HubThreadLocalAccessor;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * A request's hubs follow its work onto other threads: a {@link TaskDecorator} that Spring Boot applies, with the
 * application's own decorators, to the executors it configures — the one behind {@code @Async} methods, MVC async
 * requests and {@code applicationTaskExecutor} — capturing only the groutines' hubs (nothing else the application
 * did not ask to propagate). Executors the application builds by hand get it with
 * {@code executor.setTaskDecorator(groutinesTaskDecorator)}.
 */
@AutoConfiguration(after = GroutinesAutoConfiguration.class)
@ConditionalOnGroutinesEnabled
@ConditionalOnClass({ ContextSnapshot.class, ContextPropagatingTaskDecorator.class })
public final class GroutinesPropagationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "groutinesTaskDecorator")
    TaskDecorator groutinesTaskDecorator() {
        ContextRegistry registry = ContextRegistry.getInstance();
        registry.registerThreadLocalAccessor(new HubThreadLocalAccessor());
        return new ContextPropagatingTaskDecorator(ContextSnapshotFactory.builder().contextRegistry(registry)
                .captureKeyPredicate(HubThreadLocalAccessor.KEY::equals).build());
    }
}
