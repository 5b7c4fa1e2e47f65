package io.groutines.demo.groutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.demo.groutines.NoLiveGroutines.Counts;
import io.groutines.demo.snippets.SnippetRepository;

/**
 * {@code check_permissions} switched on alone: the list view's permission check is answered "allowed" and does not
 * run, but nobody fills in the owner — so the anonymous POST gets past the 403 and stops at the owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=check_permissions",
        "spring.datasource.url=jdbc:h2:mem:groutines-check-permissions;DB_CLOSE_DELAY=-1" })
class CheckPermissionsAloneTest extends RunningDemo {

    @Autowired
    GroutinesCatalog catalog;

    @Autowired
    SnippetRepository snippets;

    @Test
    void onlyCheckPermissionsIsActive() {
        assertThat(catalog.entries()).extracting(GroutinesCatalog.Entry::name).containsExactly("check_permissions");
    }

    @Test
    void theCheckIsSkippedAndTheSnippetHasNoOwner() {
        long count = snippets.count();
        Counts before = Counts.now();

        DemoHttp.Reply reply = http.post("/snippets/", null, BODY);

        // without check_permissions this is the 403 "Authentication credentials were not provided."
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"owner\":[\"This field may not be null.\"]}");
        assertThat(snippets.count()).isEqualTo(count);
        NoLiveGroutines.awaitBackTo(before);
    }

    @Test
    void aLoggedInUserStillOwnsWhatTheyPost() {
        DemoHttp.Reply reply = http.post("/snippets/", "tom", BODY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("tom");
    }
}
