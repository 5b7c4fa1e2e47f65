package io.groutines.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny web application whose groutines record what each request does. */
@SpringBootApplication
public class TestApplication {
}
