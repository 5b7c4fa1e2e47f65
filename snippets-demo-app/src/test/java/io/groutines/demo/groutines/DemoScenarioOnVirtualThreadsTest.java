package io.groutines.demo.groutines;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link DemoScenarioTest} with requests (and the application's tasks) on virtual threads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.threads.virtual.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:groutines-virtual;DB_CLOSE_DELAY=-1" })
class DemoScenarioOnVirtualThreadsTest extends DemoScenarioTest {
}
