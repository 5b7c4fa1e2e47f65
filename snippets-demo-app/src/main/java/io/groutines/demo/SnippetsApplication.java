package io.groutines.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The snippets demo: the Django REST framework tutorial's API rebuilt in Spring Boot, the application that
 * the groutines examples listen to.
 */
@SpringBootApplication
public class SnippetsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SnippetsApplication.class, args);
    }
}
