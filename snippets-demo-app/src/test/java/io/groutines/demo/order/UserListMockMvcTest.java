package io.groutines.demo.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.boot.test.WithGroutines;
import io.groutines.demo.users.UserListController;
import io.groutines.weaving.Weaving;

/**
 * A test's groutine on {@link UserListController#list}, through MockMvc (the request is served on the test's thread,
 * where the test's hub is bound): it sees the call whether or not a slice test loaded the controller first.
 */
@SpringBootTest(properties = { "groutines.enabled=true", "groutines.active=none",
        "spring.datasource.url=jdbc:h2:mem:order-mockmvc;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc
@WithGroutines
class UserListMockMvcTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aGroutineSeesTheControllersCall(Hub hub) throws Exception {
        assertThat(Weaving.status(UserListController.class)).isEqualTo(Weaving.Status.WOVEN);
        List<Object> seen = new CopyOnWriteArrayList<>();
        hub.spawn("list", () -> {
            Call exit = FunctionCall.of(UserListController.class, "list").await(Phase.EXIT);
            seen.add(exit.returnValue());
        });
        mvc.perform(get("/users/")).andExpect(status().isOk());
        assertThat(seen).singleElement().asString().contains("200 OK");
    }
}
