package io.groutines.demo.groutines;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC's {@code synchronizeOnSession} ({@code demo.synchronize-on-session=true}): every handler of one session runs inside
 * {@code synchronized (sessionMutex)}. {@code make_responses_raise_exc} — a {@code loop = true} groutine — is resumed
 * at each response built there and waits again, under that lock. Sixteen clients of one logged-in session at once,
 * from the first (interpreted) requests on: every request is answered, and the session is never stuck.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=make_responses_raise_exc", "demo.synchronize-on-session=true",
        "spring.datasource.url=jdbc:h2:mem:groutines-session-lock;DB_CLOSE_DELAY=-1" })
class SynchronizedSessionTest extends RunningDemo {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

    private static final int CLIENTS = 16;

    @Test
    void overlappingRequestsOfOneSessionAreAllAnswered() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        login(browser);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        List<Future<int[]>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(clients.submit(() -> {
                int ok = 0;
                int other = 0;
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> reply = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/snippets/"))
                            .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() == 200) {
                        ok++;
                    }
                    else {
                        other++;
                    }
                }
                return new int[] { ok, other };
            }));
        }
        int ok = 0;
        for (Future<int[]> result : results) {
            int[] counts = result.get(60, TimeUnit.SECONDS); // a stuck session would time out here
            assertThat(counts[1]).as("answers other than 200").isZero();
            ok += counts[0];
        }
        clients.shutdown();
        assertThat(ok).isGreaterThan(CLIENTS);
        // and the session still serves a request after all of that
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/snippets/"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
    }

    private void login(HttpClient browser) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create(http.base() + "/api-auth/login/?next=/snippets/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).isTrue();
        HttpResponse<String> reply = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/api-auth/login/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=tom&password=tom-demo&csrfmiddlewaretoken="
                        + field.group(1) + "&next=/snippets/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("login").isEqualTo(302);
    }
}
