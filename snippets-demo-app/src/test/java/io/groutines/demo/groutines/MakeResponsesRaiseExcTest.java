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
import io.groutines.demo.snippets.SnippetRepository;

/**
 * {@code make_responses_raise_exc} switched on alone: a response that is not 2xx, built with
 * {@code new ResponseEntity<>(body, status)}, becomes an exception whose stack shows the frames that built it. The
 * application's catch-all exception handler logs it and answers 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=make_responses_raise_exc",
        "spring.datasource.url=jdbc:h2:mem:groutines-raise;DB_CLOSE_DELAY=-1" })
@ExtendWith(OutputCaptureExtension.class)
class MakeResponsesRaiseExcTest extends RunningDemo {

    @Autowired
    GroutinesCatalog catalog;

    @Autowired
    SnippetRepository snippets;

    @Test
    void onlyMakeResponsesRaiseExcIsActive() {
        assertThat(catalog.entries()).extracting(GroutinesCatalog.Entry::name)
                .containsExactly("make_responses_raise_exc");
    }

    /** {@code POST /snippets/} without {@code code}: the 400 is now an exception with its stack in the log. */
    @Test
    void aBadRequestBecomesAnExceptionWithTheStackThatBuiltIt(CapturedOutput output) {
        long count = snippets.count();
        Counts before = Counts.now();

        DemoHttp.Reply reply = http.post("/snippets/", "tom", "{\"title\":\"aaa\"}");

        // without the groutine: 400 {"code":["This field is required."]}
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"A server error occurred.\"}");
        assertThat(snippets.count()).isEqualTo(count);
        assertThat(output.getOut() + output.getErr())
                .contains("ERROR")
                .contains("Unexpected error")
                .contains("io.groutines.demo.groutines.MakeResponsesRaiseExc$ResponseNotOk: "
                        + "Response 400: {code=[This field is required.]}")
                .contains("at io.groutines.demo.groutines.MakeResponsesRaiseExc.makeResponsesRaiseExc(")
                .contains("at org.springframework.http.ResponseEntity.<init>(")
                .contains("at io.groutines.demo.snippets.SnippetListController.create(SnippetListController.java:");
        NoLiveGroutines.awaitBackTo(before);
    }

    /** A validation error in the detail view is built the same way, and raised the same way. */
    @Test
    void theDetailViewsBadRequestIsRaisedToo(CapturedOutput output) {
        long id = http.post("/snippets/", "tom", "{\"title\":\"aaa\",\"code\":\"bbb\"}").json().get("id").asLong();

        DemoHttp.Reply reply = http.send("PUT", "/snippets/" + id + "/", "tom", "{\"code\":\"\"}");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(output.getOut() + output.getErr())
                .contains("MakeResponsesRaiseExc$ResponseNotOk: Response 400: {code=[This field may not be blank.]}")
                .contains("at io.groutines.demo.snippets.SnippetDetailController.save(SnippetDetailController.java:");
    }

    /** 2xx responses pass, and so do every time it is on: the groutine loops over every response of a request. */
    @Test
    void successfulResponsesAreUnchanged() {
        DemoHttp.Reply created = http.post("/snippets/", "tom", "{\"title\":\"aaa\",\"code\":\"bbb\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("owner").asString()).isEqualTo("tom");
        assertThat(http.get("/snippets/").status()).isEqualTo(200);
        assertThat(http.get("/").status()).isEqualTo(200);
    }

    /**
     * Refusals are built by the exception handler with {@code new ResponseEntity<>(body, headers, status)}, a
     * constructor the groutine does not listen to: the anonymous POST is still a plain 403.
     */
    @Test
    void refusalsBuiltByTheExceptionHandlerAreNotRaised(CapturedOutput output) {
        DemoHttp.Reply reply = http.post("/snippets/", null, "{\"title\":\"aaa\",\"code\":\"bbb\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        assertThat(output.getOut() + output.getErr()).doesNotContain("ResponseNotOk");
    }
}
