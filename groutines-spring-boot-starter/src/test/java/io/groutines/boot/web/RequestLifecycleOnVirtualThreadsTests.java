package io.groutines.boot.web;

import io.groutines.boot.app.TestApplication;
import io.groutines.boot.test.RequestGroutines;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** {@link RequestLifecycleTests} with requests served on virtual threads. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "management.endpoints.web.exposure.include=groutines",
                "spring.threads.virtual.enabled=true" })
@Import(RequestGroutines.class)
class RequestLifecycleOnVirtualThreadsTests extends RequestLifecycleTests {
}
