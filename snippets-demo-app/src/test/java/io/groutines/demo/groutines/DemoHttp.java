package io.groutines.demo.groutines;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP requests to the running demo, as curl would send them: no redirects followed, no cookies kept, Basic
 * authentication only when a test names a demo user (whose password is {@code <username>-demo}).
 */
final class DemoHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    DemoHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    /** {@code curl -X POST <base><path> -H 'Content-Type: application/json' -d <json>}, as {@code user} or anonymous ({@code null}). */
    Reply post(String path, String user, String json) {
        return send("POST", path, user, json);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    /**
     * {@code curl -X <method> <base><path>}, as {@code user} or anonymous ({@code null}), with a JSON body or none
     * ({@code null}), and headers given as name, value, name, value…
     */
    Reply send(String method, String path, String user, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (user != null) {
            String credentials = user + ":" + user + "-demo";
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A response: status, body and {@code Location} header. */
    record Reply(int status, String body, String location) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
