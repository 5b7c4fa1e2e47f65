package io.groutines.boot.races;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Signals;
import io.groutines.boot.app.Greeter;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.test.WithGroutines;
import io.groutines.boot.web.GroutinesFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Holds with MockMvc: a request served on the test's thread is held by a groutine of the test's hub until a request
 * served on a second thread — with a hub of its own there — sends the signal; the test's {@link Signals} come from
 * {@link WithGroutines}.
 */
@SpringBootTest(classes = TestApplication.class, properties = "groutines.enabled=true")
@WithGroutines
class HoldsWithMockMvcTests {

    private static final FunctionCall GREET = FunctionCall.of(Greeter.class, "greet");

    @Autowired
    WebApplicationContext context;

    @Autowired
    GroutinesFilter groutinesFilter;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.groutinesFilter).build();
    }

    @Test
    void aRequestOnTheTestsThreadIsHeldUntilARequestOnASecondThreadSendsTheSignal(Hub hub, Signals signals)
            throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        hub.spawn("a", () -> {
            Call greeted = GREET.await(Phase.EXIT);
            order.add("a greeted");
            signals.hold(greeted, "b greeted");
            order.add("a goes on");
        });
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try (Hub other = Hub.open("second thread")) {
                other.spawn("b", () -> {
                    GREET.await(Phase.EXIT);
                    order.add("b greeted");
                    signals.send("b greeted");
                });
                await().atMost(Duration.ofSeconds(5)).until(() -> signals.holds().size() == 1);
                return this.mvc.perform(get("/greet").param("name", "b")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }, runnable -> Thread.ofPlatform().name("second").start(runnable));
        this.mvc.perform(get("/greet").param("name", "a")).andExpect(status().isOk())
                .andExpect(content().string(startsWith("Hello, a from request-")));
        assertThat(second.get(5, TimeUnit.SECONDS)).startsWith("Hello, b from request-");
        assertThat(order).containsExactly("a greeted", "b greeted", "a goes on");
        assertThat(signals.trace()).contains("'a' of test HoldsWithMockMvcTests.")
                .contains("holds io.groutines.boot.app.Greeter.greet EXIT until 'b greeted'")
                .contains("'b' of second thread on second: sends 'b greeted'");
    }
}
