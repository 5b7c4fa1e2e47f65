package io.groutines.demo.groutines;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code highlight_thread}, 32 clients at once: each request's groutine sees the highlighting of its own snippet on
 * the executor's thread, and never another request's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=highlight_thread",
        "spring.datasource.url=jdbc:h2:mem:groutines-highlight-thread;DB_CLOSE_DELAY=-1" })
@ExtendWith(OutputCaptureExtension.class)
class HighlightThreadTest extends RunningDemo {

    private static final Pattern LINE = Pattern.compile(
            "highlight_thread: '([^']+)' saved on (\\S+) and highlighted on (\\S+), in (request-\\d+ POST /snippets/), same snippet: (\\w+)");

    @Test
    void eachRequestSeesItsOwnHighlightingOnTheExecutorsThread(CapturedOutput output) throws Exception {
        int clients = 32;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String title = "client-" + c;
            statuses.add(pool.submit(() -> http.post("/snippets/", "tom",
                    "{\"title\":\"" + title + "\",\"code\":\"print(" + title.length() + ")\"}").status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(201);
        }
        pool.shutdown();
        List<String[]> seen = new ArrayList<>();
        Matcher line = LINE.matcher(output.getOut());
        while (line.find()) {
            seen.add(new String[] { line.group(1), line.group(2), line.group(3), line.group(4), line.group(5) });
        }
        assertThat(seen).hasSize(clients);
        assertThat(seen).extracting(s -> s[0]).doesNotHaveDuplicates();
        assertThat(seen).extracting(s -> s[4]).containsOnly("true");
        assertThat(seen).extracting(s -> s[3]).doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(s -> assertThat(s[2]).isNotEqualTo(s[1]).startsWith("task-"));
    }
}
