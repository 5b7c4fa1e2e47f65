package io.groutines.demo.groutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.spawn.LiveHubs;
import io.groutines.demo.groutines.NoLiveGroutines.Counts;
import io.groutines.demo.snippets.Snippet;
import io.groutines.demo.snippets.SnippetRepository;
import io.groutines.demo.users.UserRepository;

/**
 * The original framework's scenario with the demo's default profile ({@code demo}: groutines on, {@code start_view},
 * {@code check_permissions} and {@code fill_user} active) — no groutines property is set here: the application's own
 * configuration is what is tested. Only the database is one of this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:groutines-scenario;DB_CLOSE_DELAY=-1")
class DemoScenarioTest extends RunningDemo {

    @Autowired
    SnippetRepository snippets;

    @Autowired
    UserRepository users;

    @Autowired
    GroutinesCatalog catalog;

    @Autowired
    LiveHubs liveHubs;

    @Test
    void theDefaultProfileRunsTheThreeGroutinesOfTheScenario() {
        assertThat(catalog.entries()).extracting(GroutinesCatalog.Entry::name)
                .containsExactlyInAnyOrder("start_view", "check_permissions", "fill_user");
        assertThat(catalog.skipped()).isEmpty();
    }

    /** {@code http POST :8080/snippets/ title=aaa code=bbb}: 201, owned by vitalii, and in the database. */
    @Test
    void anAnonymousPostCreatesASnippetOwnedByVitalii() {
        DemoHttp.Reply reply = http.post("/snippets/", null, BODY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        long id = reply.json().get("id").asLong();
        assertThat(reply.json().get("owner").asString()).isEqualTo("vitalii");
        assertThat(reply.json().get("title").asString()).isEqualTo("aaa");
        assertThat(reply.json().get("code").asString()).isEqualTo("bbb");
        assertThat(reply.location()).isEqualTo(http.base() + "/snippets/" + id + "/");

        Snippet stored = snippets.findById(id).orElseThrow();
        assertThat(stored.getTitle()).isEqualTo("aaa");
        assertThat(stored.getCode()).isEqualTo("bbb");
        long vitalii = users.findByUsername("vitalii").orElseThrow().getId();
        assertThat(snippets.findIdsByOwner(vitalii)).contains(id);

        // and the API says so too, in a request of its own
        DemoHttp.Reply read = http.get("/snippets/" + id + "/");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("owner").asString()).isEqualTo("vitalii");
        assertThat(http.get("/users/" + vitalii + "/").body()).contains(http.base() + "/snippets/" + id + "/");
    }

    /** The request's hub and groutines are gone once its response is done, whatever the request did. */
    @Test
    void noHubAndNoGroutineSurvivesTheResponse() {
        Counts before = Counts.now();

        // a POST, in which every groutine ran to its end
        assertThat(http.post("/snippets/", null, BODY).status()).isEqualTo(201);
        NoLiveGroutines.awaitBackTo(before);

        // a GET, in which fill_user waited for a preSave that never came: killed with the response
        assertThat(http.get("/snippets/").status()).isEqualTo(200);
        NoLiveGroutines.awaitBackTo(before);

        // a refusal by Spring Security, before any handler: start_view waited in vain
        assertThat(http.send("GET", "/snippets/", "nobody", null).status()).isEqualTo(403);
        NoLiveGroutines.awaitBackTo(before);

        assertThat(liveHubs.hubs()).isEmpty();
        assertThat(liveHubs.openedCount()).isGreaterThanOrEqualTo(3);
    }

    /**
     * fill_user patches every request while it is on, like the original: a snippet posted by tom is vitalii's too.
     * Per-request patching means exactly that: each request gets the groutines afresh.
     */
    @Test
    void fillUserPatchesEveryPostWhileItIsOn() {
        DemoHttp.Reply reply = http.post("/snippets/", "tom", BODY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("vitalii");
    }

    /**
     * What the groutines do not listen to is unchanged: check_permissions targets the list view's check only, so the
     * detail view still refuses an anonymous write, and read-only views answer as without groutines.
     */
    @Test
    void whatTheGroutinesDoNotListenToIsUnchanged() {
        long id = http.post("/snippets/", null, BODY).json().get("id").asLong();

        DemoHttp.Reply put = http.send("PUT", "/snippets/" + id + "/", null, "{\"code\":\"changed\"}");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        DemoHttp.Reply delete = http.send("DELETE", "/snippets/" + id + "/", null, null);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(snippets.findById(id).orElseThrow().getCode()).isEqualTo("bbb");

        // the owner (vitalii, by the groutine) may change it, as without groutines
        DemoHttp.Reply patch = http.send("PATCH", "/snippets/" + id + "/", "vitalii", "{\"code\":\"ccc\"}");
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        assertThat(snippets.findById(id).orElseThrow().getCode()).isEqualTo("ccc");

        assertThat(http.get("/").body())
                .isEqualTo("{\"snippets\":\"" + http.base() + "/snippets/\",\"users\":\"" + http.base() + "/users/\"}");
    }
}
