package io.groutines.demo.groutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.groutines.boot.discovery.GroutinesCatalog;
import io.groutines.demo.groutines.NoLiveGroutines.Counts;

/**
 * {@code print_field_names} switched on alone: a loop over Jackson's per-field setter logs {@code field -> value} for
 * each field of the incoming body, and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=print_field_names",
        "spring.datasource.url=jdbc:h2:mem:groutines-print;DB_CLOSE_DELAY=-1" })
@ExtendWith(OutputCaptureExtension.class)
class PrintFieldNamesTest extends RunningDemo {

    private static final String LOGGER = "i.g.demo.groutines.PrintFieldNames";

    @Autowired
    GroutinesCatalog catalog;

    @Test
    void onlyPrintFieldNamesIsActive() {
        assertThat(catalog.entries()).extracting(GroutinesCatalog.Entry::name).containsExactly("print_field_names");
    }

    @Test
    void eachFieldOfTheBodyIsLogged(CapturedOutput output) {
        Counts before = Counts.now();

        DemoHttp.Reply reply = http.post("/snippets/", "tom", "{\"title\":\"aaa\",\"code\":\"bbb\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("tom");
        assertThat(output.getOut()).contains(LOGGER).contains("title -> aaa").contains("code -> bbb");
        assertThat(output.getOut().indexOf("title -> aaa")).isLessThan(output.getOut().indexOf("code -> bbb"));
        NoLiveGroutines.awaitBackTo(before);
    }

    @Test
    void everyFieldPresentIsLoggedOnce(CapturedOutput output) {
        DemoHttp.Reply reply = http.post("/snippets/", "tom",
                "{\"title\":\"ccc\",\"code\":\"ddd\",\"linenos\":true,\"language\":\"java\",\"style\":\"vim\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(output.getOut()).contains("title -> ccc", "code -> ddd", "linenos -> true", "language -> java",
                "style -> vim");
        assertThat(output.getOut().split("title -> ccc", -1)).hasSize(2);
    }

    /** Reading bodies is what it listens to: a GET logs no field. */
    @Test
    void requestsWithoutABodyLogNothing(CapturedOutput output) {
        assertThat(http.get("/snippets/").status()).isEqualTo(200);
        assertThat(output.getOut()).doesNotContain(" -> ");
    }
}
