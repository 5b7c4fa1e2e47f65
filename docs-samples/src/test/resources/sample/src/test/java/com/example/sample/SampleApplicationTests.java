package com.example.sample;

import io.groutines.Hub;
import io.groutines.boot.spawn.GroutineSpawner;
import io.groutines.weaving.Weaving;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs with application.yaml from the docs (groutines.enabled: true) and the agent from the docs' surefire set-up. */
@SpringBootTest
class SampleApplicationTests {

    @Autowired
    Greeter greeter;

    @Autowired
    GroutineSpawner groutines;

    @Test
    void theAgentWeavesTheApplication() {
        assertThat(Weaving.isStarted()).isTrue();
        assertThat(Weaving.status(Greeter.class)).isEqualTo(Weaving.Status.WOVEN);
    }

    @Test
    void theGroutineAnswersInItsHub() {
        try (Hub hub = this.groutines.open("sample")) {
            assertThat(this.greeter.greet("docs")).isEqualTo("Hi, docs");
        }
        assertThat(this.greeter.greet("docs")).isEqualTo("Hello, docs");
    }
}
