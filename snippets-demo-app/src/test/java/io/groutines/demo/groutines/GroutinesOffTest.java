package io.groutines.demo.groutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.boot.web.GroutinesFilter;
import io.groutines.demo.groutines.NoLiveGroutines.Counts;
import io.groutines.demo.snippets.SnippetRepository;

/**
 * The demo without groutines, as {@code --spring.profiles.active=plain} runs it: the tutorial's application as it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:groutines-off;DB_CLOSE_DELAY=-1")
@ActiveProfiles("plain")
class GroutinesOffTest extends RunningDemo {

    @Autowired
    ApplicationContext context;

    @Autowired
    SnippetRepository snippets;

    @Test
    void nothingOfTheGroutinesRuns() {
        assertThat(context.getEnvironment().getProperty("groutines.enabled")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(GroutinesFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GroutinesCatalog.class)).isEmpty();
    }

    /** {@code http POST :8080/snippets/ title=aaa code=bbb} without groutines: 403, nothing saved. */
    @Test
    void anAnonymousPostIsRefused() {
        long count = snippets.count();
        Counts before = Counts.now();

        DemoHttp.Reply reply = http.post("/snippets/", null, BODY);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        assertThat(snippets.count()).isEqualTo(count);
        assertThat(Counts.now()).as("no hub is opened for the request").isEqualTo(before);
    }

    /** A logged-in user's POST makes that user the owner, as in the tutorial. */
    @Test
    void aLoggedInUserOwnsWhatTheyPost() {
        DemoHttp.Reply reply = http.post("/snippets/", "tom", BODY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("tom");
    }
}
