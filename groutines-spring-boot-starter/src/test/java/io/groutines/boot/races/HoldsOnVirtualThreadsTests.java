package io.groutines.boot.races;

import io.groutines.boot.app.TestApplication;
import io.groutines.boot.test.RequestGroutines;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** {@link HoldsAcrossRequestsTests} with requests served on virtual threads: a hold parks the virtual thread. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "groutines.enabled=true", "groutines.scan-packages=io.groutines.boot.app,io.groutines.boot.races",
                "groutines.hold.timeout=7s", "groutines.watchdog.threshold=300ms",
                "management.endpoints.web.exposure.include=groutines", "spring.threads.virtual.enabled=true" })
@Import(RequestGroutines.class)
class HoldsOnVirtualThreadsTests extends HoldsAcrossRequestsTests {

    @Override
    String threads() {
        return "virtual";
    }
}
