package io.groutines.demo.groutines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

import io.groutines.Event;
import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.test.RequestGroutines;
import io.groutines.demo.groutines.NoLiveGroutines.Counts;
import io.groutines.demo.snippets.SnippetListController;
import io.groutines.demo.snippets.SnippetRepository;
import io.groutines.demo.users.UserListController;
import io.groutines.demo.users.UserRepository;

/**
 * {@code start_view} and {@code fill_user} on, {@code check_permissions} off: start_view fires {@code DISPATCH} with
 * the controller and the request (a test groutine listens), fill_user makes vitalii the owner of what a logged-in
 * user posts, and an anonymous POST is still refused — each example is switched on by its own name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=start_view,fill_user",
        "spring.datasource.url=jdbc:h2:mem:groutines-start-view;DB_CLOSE_DELAY=-1" })
@Import(RequestGroutines.class)
class StartViewAndFillUserTest extends RunningDemo {

    @Autowired
    GroutinesCatalog catalog;

    @Autowired
    RequestGroutines requestGroutines;

    @Autowired
    SnippetRepository snippets;

    @Autowired
    UserRepository users;

    @Test
    void onlyTheTwoAreActive() {
        assertThat(catalog.entries()).extracting(GroutinesCatalog.Entry::name)
                .containsExactlyInAnyOrder("start_view", "fill_user");
    }

    @Test
    void startViewFiresDispatchWithTheControllerAndTheRequest() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (RequestGroutines.Registration dispatch = requestGroutines.add("dispatch", () -> {
            Object[] data = Event.named("DISPATCH").await();
            HttpServletRequest request = (HttpServletRequest) data[1];
            seen.add(ClassUtils.getUserClass(data[0]).getSimpleName() + " " + request.getMethod() + " " + request.getRequestURI());
            assertThat(data[0]).isInstanceOfAny(SnippetListController.class, UserListController.class);
        })) {
            assertThat(http.get("/snippets/").status()).isEqualTo(200);
            assertThat(http.get("/users/").status()).isEqualTo(200);
            dispatch.assertFinished(2);
        }
        assertThat(seen).containsExactly("SnippetListController GET /snippets/", "UserListController GET /users/");
    }

    @Test
    void fillUserMakesVitaliiTheOwnerOfWhatALoggedInUserPosts() {
        Counts before = Counts.now();

        DemoHttp.Reply reply = http.post("/snippets/", "tom", BODY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("vitalii");
        long id = reply.json().get("id").asLong();
        assertThat(snippets.findIdsByOwner(users.findByUsername("vitalii").orElseThrow().getId())).contains(id);
        assertThat(snippets.findIdsByOwner(users.findByUsername("tom").orElseThrow().getId())).doesNotContain(id);
        NoLiveGroutines.awaitBackTo(before);
    }

    @Test
    void withoutCheckPermissionsAnAnonymousPostIsStillRefused() {
        long count = snippets.count();

        DemoHttp.Reply reply = http.post("/snippets/", null, BODY);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        assertThat(snippets.count()).isEqualTo(count);
    }
}
