package io.groutines.boot.web;

import io.groutines.boot.app.TestApplication;
import io.groutines.boot.test.RequestGroutines;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** {@link RequestThreadsTests} with requests and tasks on virtual threads: groutines nested in virtual threads. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "spring.threads.virtual.enabled=true" })
@Import(RequestGroutines.class)
class RequestThreadsOnVirtualThreadsTests extends RequestThreadsTests {
}
