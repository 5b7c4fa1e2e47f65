package io.groutines.boot.web;

import java.util.ArrayList;
import java.util.List;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.boot.app.Greeter;
import io.groutines.boot.app.Recorder;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.mockmvc.GreetOnce;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.boot.test.WithGroutines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * MockMvc built without the request filter — {@code MockMvcTester.from(context)},
 * {@code MockMvcBuilders.webAppContextSetup(context)} without {@code addFilters} — still gives each request a hub of
 * its own with the application's groutines ({@link GroutinesInterceptor}); with the filter, the filter's is the only
 * one. {@link GreetOnce} is not a loop: it answers the first greeting of each hub.
 */
@SpringBootTest(classes = TestApplication.class, properties = { "groutines.enabled=true",
        "groutines.scan-packages=io.groutines.boot.app,io.groutines.boot.mockmvc" })
class MockMvcWithoutFiltersTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    GroutinesFilter groutinesFilter;

    @Autowired
    LiveHubs liveHubs;

    @Autowired
    Recorder recorder;

    @Autowired
    Greeter greeter;

    @BeforeEach
    void forget() {
        GreetOnce.ANSWERED.clear();
    }

    @Test
    void mockMvcTesterFromTheContext() throws Exception {
        MockMvcTester mvc = MockMvcTester.from(this.context);
        String first = mvc.get().uri("/greet?name=ann").exchange().getResponse().getContentAsString();
        String second = mvc.get().uri("/greet?name=bob").exchange().getResponse().getContentAsString();
        assertOwnHubs(first, second);
        assertThat(Hub.current()).as("the thread is left without a hub").isEmpty();
    }

    @Test
    void webAppContextSetupWithoutFilters() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
        String first = mvc.perform(get("/greet").param("name", "ann")).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/greet").param("name", "bob")).andReturn().getResponse().getContentAsString();
        assertOwnHubs(first, second);
        assertThat(Hub.current()).as("the thread is left without a hub").isEmpty();
    }

    private void assertOwnHubs(String first, String second) {
        assertThat(first).startsWith("Hi, ann from request-").contains("GET /greet");
        assertThat(second).startsWith("Hi, bob from request-").contains("GET /greet");
        String firstHub = first.substring("Hi, ann from ".length());
        String secondHub = second.substring("Hi, bob from ".length());
        assertThat(firstHub).isNotEqualTo(secondHub);
        assertThat(GreetOnce.ANSWERED).containsExactly(firstHub + ": ann", secondHub + ": bob");
        // the request's groutines were killed when its response was complete
        assertThat(this.recorder.of(firstHub)).extracting(Recorder.Entry::what).containsExactly("spawned", "killed");
        assertThat(this.recorder.killed(secondHub)).isTrue();
    }

    @Test
    void withTheFilterTheFiltersHubIsTheOnlyOne() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.groutinesFilter).build();
        long opened = this.liveHubs.openedCount();
        String body = mvc.perform(get("/greet").param("name", "ann")).andReturn().getResponse().getContentAsString();
        assertThat(body).startsWith("Hi, ann from request-");
        assertThat(this.liveHubs.openedCount() - opened).isEqualTo(1);
        assertThat(GreetOnce.ANSWERED).hasSize(1);
    }

    @Test
    void anAsyncRequestKeepsItsHubUntilItCompletes() throws Exception {
        MockMvcTester mvc = MockMvcTester.from(this.context);
        String hub = mvc.get().uri("/async?id=mock-async").exchange().getResponse().getContentAsString();
        assertThat(hub).startsWith("request-");
        assertThat(this.recorder.of(hub)).extracting(Recorder.Entry::what)
                .containsExactly("spawned", "seen mock-async", "alive before completion", "killed");
        assertThat(Hub.current()).isEmpty();
    }

    @Test
    @WithGroutines
    void theTestsGroutinesSeeTheCallsMadeInsideTheRequest(Hub hub) throws Exception {
        List<Object> names = new ArrayList<>();
        hub.spawn(() -> names.add(FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT).returnValue()));
        String body = MockMvcTester.from(this.context).get().uri("/greet?name=ann").exchange().getResponse()
                .getContentAsString();
        assertThat(body).startsWith("Hi, ann from request-");
        assertThat(names).containsExactly("Hi, ann");
    }

    @Test
    @WithGroutines(application = true)
    void theApplicationsGroutinesOfTheTestStepAsideForEachRequest(Hub hub) throws Exception {
        MockMvcTester mvc = MockMvcTester.from(this.context);
        String first = mvc.get().uri("/greet?name=ann").exchange().getResponse().getContentAsString();
        String second = mvc.get().uri("/greet?name=bob").exchange().getResponse().getContentAsString();
        // each request answered by its own groutine, once: the test's copy did not see the requests' calls
        assertOwnHubs(first, second);
        assertThat(Hub.bound()).as("bound again after each request").hasSize(2).last().isSameAs(hub);
        // and is still waiting for a call the test makes itself
        assertThat(this.greeter.greet("cy")).isEqualTo("Hi, cy");
        assertThat(GreetOnce.ANSWERED).hasSize(3).last().isEqualTo(hub.name() + " (application): cy");
    }
}
