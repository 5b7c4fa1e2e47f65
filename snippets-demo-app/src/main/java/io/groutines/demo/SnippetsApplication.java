package io.groutines.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The snippets demo: the Django REST framework tutorial's API rebuilt in Spring Boot, the application that
 * the groutines examples listen to.
 */
@SpringBootApplication
@EnableAsync
public class SnippetsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SnippetsApplication.class, args);
    }
}
