package io.groutines.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** A tiny web application whose groutines record what each request does. */
@SpringBootApplication
@EnableAsync
public class TestApplication {
}
