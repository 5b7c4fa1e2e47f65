package io.groutines.demo.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import io.groutines.FunctionCall;
import io.groutines.Phase;
import io.groutines.boot.test.RequestGroutines;
import io.groutines.demo.users.UserListController;

/**
 * A groutine added to every request of a real server, on {@link UserListController#list}: the request gets its
 * answer and the groutine runs once, whether or not a slice test loaded the controller first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=none",
        "spring.datasource.url=jdbc:h2:mem:order-server;DB_CLOSE_DELAY=-1" })
@Import(RequestGroutines.class)
class UserListServerTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestGroutines requestGroutines;

    @Test
    void theRequestsGroutineSeesTheControllersCall() throws Exception {
        try (RequestGroutines.Registration list = this.requestGroutines.add("list", () ->
                FunctionCall.of(UserListController.class, "list").await(Phase.ENTER))) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            list.assertFinished(1);
        }
    }
}
