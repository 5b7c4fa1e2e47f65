package io.groutines.boot.test;

import java.util.ArrayList;
import java.util.List;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.boot.app.Recorder;
import io.groutines.boot.app.TestApplication;
import io.groutines.boot.web.GroutinesFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link WithGroutines} with {@code @SpringBootTest} and MockMvc: the request runs on the test's thread, its hub
 * nests over the test's hub, and the test's groutines see the calls the application makes inside the request.
 */
@SpringBootTest(classes = TestApplication.class, properties = "groutines.enabled=true")
@WithGroutines
class WithGroutinesSpringTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    GroutinesFilter groutinesFilter;

    @Autowired
    Recorder recorder;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.groutinesFilter).build();
    }

    @Test
    void aTestGroutineSeesAndPatchesACallMadeInsideARequest(Hub hub) throws Exception {
        List<Object> names = new ArrayList<>();
        hub.spawn("greet", () -> {
            Call call = FunctionCall.of(io.groutines.boot.app.Greeter.class, "greet").await(Phase.EXIT);
            names.add(call.arg(0));
            call.replaceResult("Bonjour, " + call.arg(0));
        });
        String body = this.mvc.perform(get("/greet").param("name", "ann"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(names).containsExactly("ann");
        assertThat(body).startsWith("Bonjour, ann from request-").contains("GET /greet");
        assertThat(Hub.current()).containsSame(hub);
    }

    @Test
    @WithGroutines(application = true)
    void theApplicationsGroutinesRunForTheTestInAHubOverTheTestsHub(Hub hub) {
        io.groutines.Event.named("SEEN").fire("in-test");
        assertThat(this.recorder.seen("in-test")).extracting(Recorder.Entry::hub)
                .containsExactly(hub.name() + " (application)");
        assertThat(Hub.bound()).hasSize(2).last().isSameAs(hub);
    }

    @Test
    void theRequestsOwnGroutinesAreKilledBeforeTheTestEnds() throws Exception {
        this.mvc.perform(get("/seen").param("id", "mock")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("request-")));
        String requestHub = this.recorder.seen("mock").get(0).hub();
        assertThat(this.recorder.killed(requestHub)).isTrue();
    }
}
