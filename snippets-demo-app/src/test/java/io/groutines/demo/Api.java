package io.groutines.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the tests: real requests to the running app, no redirects followed, cookies only when a
 * test passes them, so that each test sees exactly what a curl user would.
 */
final class Api {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final JsonMapper jsonMapper;

    Api(int port, JsonMapper jsonMapper) {
        this.base = "http://localhost:" + port;
        this.jsonMapper = jsonMapper;
    }

    String base() {
        return base;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The Basic header of a demo user, whose password is {@code <username>-demo}. */
    static String as(String username) {
        return basic(username, username + "-demo");
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** A JSON request authenticated with Basic as a demo user ({@code null} for anonymous). */
    Reply json(String method, String path, String user, String body) {
        return user == null ? send(method, path, JSON, body) : send(method, path, JSON, body, "Authorization", as(user));
    }

    Reply send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body(), jsonMapper);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Creates a snippet as the user and returns its id. */
    long create(String user, String body) {
        Reply reply = json("POST", "/snippets/", user, body);
        if (reply.status() != 201) {
            throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asLong();
    }

    /** A response. */
    record Reply(int status, Map<String, List<String>> headers, String body, JsonMapper jsonMapper) {

        JsonNode json() {
            return jsonMapper.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The cookies set by the response, name to value. */
        Map<String, String> cookies() {
            Map<String, String> cookies = new LinkedHashMap<>();
            headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(e -> e.getValue().stream())
                    .forEach(cookie -> {
                        String pair = cookie.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    });
            return cookies;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
