package io.groutines.demo.groutines;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Phase;
import io.groutines.Signals;
import io.groutines.boot.test.RequestGroutines;
import io.groutines.demo.groutines.DemoHttp.Reply;
import io.groutines.demo.snippets.SnippetDetailController;
import io.groutines.demo.snippets.SnippetStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lost update, made to happen every time: two concurrent {@code PATCH /snippets/{id}/} of one snippet — client A
 * changes its title, client B its code — each reading the snippet before the other writes it. A's request is held
 * after its read until B has read; B's is held after its read until A has saved. Then B saves what it read, changed.
 */
@Import(RequestGroutines.class)
abstract class LostUpdateRace extends RunningDemo {

    @Autowired
    RequestGroutines requestGroutines;

    /** What the two updates answered, what the snippet is afterwards, and the interleaving: whole, and its steps. */
    record Outcome(Reply a, Reply b, Reply after, String trace, List<String> steps) {
    }

    Outcome race() throws Exception {
        Reply created = http.post("/snippets/", "vitalii", "{\"title\":\"original title\",\"code\":\"print(1)\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/snippets/" + created.json().get("id").asLong() + "/";
        try (Signals signals = Signals.open("lost update of " + path);
                RequestGroutines.Registration race = requestGroutines.add("lost update", () -> {
                    Call patch = FunctionCall.of(SnippetDetailController.class, "partialUpdate").await(Phase.ENTER);
                    String client = ((HttpServletRequest) patch.arg(0)).getHeader("X-Client");
                    Call read = FunctionCall.of(SnippetDetailController.class, "getObject").await(Phase.EXIT);
                    if (client.equals("A")) {
                        signals.hold(read, "B read");       // A has read: B reads too before A goes on
                        FunctionCall.of(SnippetStore.class, "save").await(Phase.EXIT);
                        signals.send("A saved");
                    }
                    else {
                        signals.send("B read");
                        signals.hold(read, "A saved");      // B has read: A saves before B goes on
                    }
                })) {
            CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> http.send("PATCH", path, "vitalii",
                    "{\"title\":\"A's title\"}", "X-Client", "A"));
            // A first, so that the trace reads the same every time (the outcome does not depend on it)
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> signals.holds().size() == 1);
            Reply b = http.send("PATCH", path, "vitalii", "{\"code\":\"print('B')\"}", "X-Client", "B");
            Reply replyA = a.get(10, TimeUnit.SECONDS);
            race.assertFinished(2);
            String trace = signals.trace();
            List<String> lines = List.of(trace.split("\n"));
            return new Outcome(replyA, b, http.get(path), trace, lines.subList(1, lines.size()));
        }
    }

    /** The interleaving every run must show, whatever the outcome: each request read before the other wrote. */
    static void assertEachReadBeforeTheOtherWrote(List<String> steps) {
        assertThat(steps.get(0)).contains("PATCH /snippets/").contains(
                "holds io.groutines.demo.snippets.SnippetDetailController.getObject EXIT until 'B read'");
        assertThat(steps.get(1)).contains("sends 'B read'");
        assertThat(steps.get(2)).contains("released by 'B read'");
        // B holds until A has saved; or A saved before B could start to hold, and B goes on at once
        assertThat(String.join("\n", steps.subList(3, steps.size()))).satisfiesAnyOf(
                rest -> assertThat(rest).matches("(?s)[^\n]*holds [^\n]*getObject EXIT until 'A saved'\n"
                        + "[^\n]*sends 'A saved'\n[^\n]*released by 'A saved'[^\n]*"),
                rest -> assertThat(rest).matches("(?s)[^\n]*sends 'A saved'\n"
                        + "[^\n]*goes on through [^\n]*getObject EXIT: 'A saved' was sent already"));
    }
}
