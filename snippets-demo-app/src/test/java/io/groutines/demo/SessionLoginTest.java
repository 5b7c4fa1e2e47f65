package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.groutines.demo.Api.Reply;

/** Form login and logout at /api-auth/, and the CSRF token that session-authenticated writes need. */
class SessionLoginTest extends ApiTestSupport {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

    /** A logged-in browser: its session and CSRF cookies. */
    private record Session(String sessionId, String csrfToken) {

        String cookie() {
            return "sessionid=" + sessionId + "; csrftoken=" + csrfToken;
        }
    }

    private Session login(String username, String password) {
        Reply page = api.get("/api-auth/login/?next=/snippets/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).isTrue();
        String formToken = field.group(1);
        assertThat(page.cookies().get("csrftoken")).isEqualTo(formToken);

        Reply reply = api.send("POST", "/api-auth/login/", Api.FORM,
                "username=" + username + "&password=" + password + "&csrfmiddlewaretoken=" + formToken + "&next=/snippets/",
                "Cookie", "csrftoken=" + formToken);
        if (reply.status() != 302) {
            return null;
        }
        assertThat(reply.header("Location")).endsWith("/snippets/");
        Map<String, String> cookies = reply.cookies();
        assertThat(cookies).containsKeys("sessionid", "csrftoken");
        return new Session(cookies.get("sessionid"), cookies.get("csrftoken"));
    }

    @Test
    void aLoggedInUserWritesWithTheCsrfHeader() {
        Session session = login("vitalii", "vitalii-demo");

        Reply reply = api.send("POST", "/snippets/", Api.JSON, "{\"code\": \"from a browser\"}",
                "Cookie", session.cookie(), "X-CSRFToken", session.csrfToken());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("vitalii");
    }

    @Test
    void aSessionWriteWithoutOrWithAWrongCsrfTokenIs403() {
        Session session = login("tom", "tom-demo");

        Reply missing = api.send("POST", "/snippets/", Api.JSON, "{\"code\": \"x\"}", "Cookie", session.cookie());
        Reply wrong = api.send("POST", "/snippets/", Api.JSON, "{\"code\": \"x\"}", "Cookie", session.cookie(),
                "X-CSRFToken", "wrong");
        Reply noCookie = api.send("POST", "/snippets/", Api.JSON, "{\"code\": \"x\"}",
                "Cookie", "sessionid=" + session.sessionId(), "X-CSRFToken", session.csrfToken());
        Reply read = api.get("/snippets/", "Cookie", session.cookie());

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"CSRF Failed: CSRF token missing.\"}");
        assertThat(wrong.body()).isEqualTo("{\"detail\":\"CSRF Failed: CSRF token incorrect.\"}");
        assertThat(noCookie.body()).isEqualTo("{\"detail\":\"CSRF Failed: CSRF cookie not set.\"}");
        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void aFailedLoginShowsTheFormAgain() {
        assertThat(login("tom", "wrong")).isNull();
        Reply page = api.get("/api-auth/login/");
        String token = page.cookies().get("csrftoken");

        Reply reply = api.send("POST", "/api-auth/login/", Api.FORM,
                "username=tom&password=wrong&csrfmiddlewaretoken=" + token, "Cookie", "csrftoken=" + token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("Please enter a correct username and password.");
        assertThat(reply.cookies()).doesNotContainKey("sessionid");
    }

    @Test
    void logoutEndsTheSession() {
        Session session = login("vitalii", "vitalii-demo");

        Reply logout = api.send("POST", "/api-auth/logout/", Api.FORM, "next=/", "Cookie", session.cookie(),
                "X-CSRFToken", session.csrfToken());
        Reply after = api.send("POST", "/snippets/", Api.JSON, "{\"code\": \"x\"}", "Cookie", "sessionid=" + session.sessionId());

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).isEqualTo("/");
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @Test
    void logoutIsPostOnly() {
        Reply reply = api.get("/api-auth/logout/");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }
}
