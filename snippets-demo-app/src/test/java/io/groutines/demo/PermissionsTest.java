package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.groutines.demo.Api.Reply;

/** Who may do what, always refused with 403 (never 401), and the order in which DRF checks. */
class PermissionsTest extends ApiTestSupport {

    private static final String NOT_AUTHENTICATED = "{\"detail\":\"Authentication credentials were not provided.\"}";
    private static final String NOT_OWNER = "{\"detail\":\"You do not have permission to perform this action.\"}";
    private static final String INVALID_CREDENTIALS = "{\"detail\":\"Invalid username/password.\"}";

    @Test
    void anAnonymousCreateReachesTheControllerAndIsRefused() {
        Reply reply = api.json("POST", "/snippets/", null, "{\"title\": \"aaa\", \"code\": \"bbb\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(reply.header("WWW-Authenticate")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void anAnonymousWriteIsRefusedBeforeTheObjectIsLoaded(String method) {
        long id = api.create("tom", "{\"code\": \"c\"}");

        assertThat(api.json(method, "/snippets/" + id + "/", null, "{\"code\": \"x\"}").body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(api.json(method, "/snippets/987654/", null, "{\"code\": \"x\"}").body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(api.json(method, "/snippets/abc/", null, "not json").body()).isEqualTo(NOT_AUTHENTICATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void onlyTheOwnerMayWriteAndThatIsCheckedBeforeTheBody(String method) {
        long id = api.create("tom", "{\"code\": \"c\"}");

        Reply reply = api.json(method, "/snippets/" + id + "/", "vitalii", "{broken");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo(NOT_OWNER);
        assertThat(api.get("/snippets/" + id + "/").json().get("code").asString()).isEqualTo("c");
    }

    @Test
    void theOwnerGets404ForAnUnknownIdBeforeTheBodyIsRead() {
        Reply reply = api.json("PUT", "/snippets/987654/", "tom", "{broken");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"No Snippet matches the given query.\"}");
    }

    @Test
    void wrongBasicCredentialsAre403EvenOnAGet() {
        for (String path : new String[] {"/", "/snippets/", "/users/"}) {
            Reply reply = api.get(path, "Authorization", Api.basic("vitalii", "wrong"));
            assertThat(reply.status()).as(path).isEqualTo(403);
            assertThat(reply.body()).as(path).isEqualTo(INVALID_CREDENTIALS);
            assertThat(reply.header("WWW-Authenticate")).isNull();
        }
        assertThat(api.get("/snippets/", "Authorization", Api.basic("nobody", "x")).body()).isEqualTo(INVALID_CREDENTIALS);
        Reply write = api.send("POST", "/snippets/", Api.JSON, "{\"code\": \"c\"}", "Authorization", Api.basic("tom", "x"));
        assertThat(write.body()).isEqualTo(INVALID_CREDENTIALS);
    }

    @Test
    void unreadableBasicHeadersAre403() {
        assertThat(api.get("/snippets/", "Authorization", "Basic").body())
                .isEqualTo("{\"detail\":\"Invalid basic header. No credentials provided.\"}");
        assertThat(api.get("/snippets/", "Authorization", "Basic !!!").body())
                .isEqualTo("{\"detail\":\"Invalid basic header. Credentials not correctly base64 encoded.\"}");
    }

    @Test
    void anUnsupportedMethodIs405WithAllowOnceThePermissionsPass() {
        long id = api.create("tom", "{\"code\": \"c\"}");

        Reply onDetail = api.json("POST", "/snippets/" + id + "/", "tom", "{}");
        Reply anonymousOnDetail = api.json("POST", "/snippets/" + id + "/", null, "{}");
        Reply onUsers = api.json("POST", "/users/", null, "{}");
        Reply onHighlight = api.json("PUT", "/snippets/" + id + "/highlight/", "tom", "{}");
        Reply onRoot = api.json("DELETE", "/", null, null);
        Reply onList = api.json("DELETE", "/snippets/", "tom", null);

        assertThat(onDetail.status()).isEqualTo(405);
        assertThat(onDetail.body()).isEqualTo("{\"detail\":\"Method \\\"POST\\\" not allowed.\"}");
        assertThat(onDetail.header("Allow")).isEqualTo("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
        assertThat(anonymousOnDetail.body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(onUsers.status()).isEqualTo(405);
        assertThat(onUsers.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(onHighlight.body()).isEqualTo("{\"detail\":\"Method \\\"PUT\\\" not allowed.\"}");
        assertThat(onHighlight.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(onRoot.body()).isEqualTo("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}");
        assertThat(onList.header("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
    }

    @Test
    void basicAuthenticatedWritesNeedNoCsrfToken() {
        Reply reply = api.json("POST", "/snippets/", "admin", "{\"code\": \"by admin\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("owner").asString()).isEqualTo("admin");
    }
}
