package io.groutines.jdk17;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that merely contains the groutines starter, as a team that deploys on JDK 17 or 21 keeps it: it
 * serves one page and, as applications that propagate context do, captures a context snapshot at startup — Micrometer
 * then loads every {@code ThreadLocalAccessor} on the class path, the starter's too, and asks each for its value.
 */
@SpringBootApplication
@RestController
public class Jdk17Application {

    public static void main(String[] args) {
        SpringApplication.run(Jdk17Application.class, args);
    }

    @Bean
    ApplicationRunner captureContext() {
        return args -> {
            ContextSnapshot snapshot = ContextSnapshotFactory.builder().build().captureAll();
            System.out.println("Context captured by " + ContextRegistry.getInstance().getThreadLocalAccessors()
                    .stream().map(ThreadLocalAccessor::key).toList() + ": " + snapshot);
        };
    }

    @GetMapping("/")
    String home() {
        return "running on Java " + Runtime.version().feature();
    }
}
