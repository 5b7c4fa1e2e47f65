package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.groutines.demo.Api.Reply;

/** Create, retrieve, update, partial update and delete of snippets, with the exact JSON DRF writes. */
class SnippetCrudTest extends ApiTestSupport {

    @Test
    void createAnswers201WithTheSnippetInFieldOrderAndItsLocation() {
        Reply reply = api.json("POST", "/snippets/", "vitalii", """
                {"id": 999, "owner": "tom", "url": "x", "title": "  Greeting  ", "code": "  print('hi')\\n\\n ",
                 "linenos": true, "language": "kotlin", "style": "monokai"}""");

        assertThat(reply.status()).isEqualTo(201);
        long id = reply.json().get("id").asLong();
        assertThat(id).isNotEqualTo(999);
        assertThat(reply.body()).isEqualTo(snippetJson(id, "vitalii", "Greeting", "print('hi')", true, "kotlin", "monokai"));
        assertThat(reply.header("Location")).isEqualTo(api.base() + "/snippets/" + id + "/");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void createFillsTheDefaults() {
        Reply reply = api.json("POST", "/snippets/", "tom", "{\"code\": \"x = 1\"}");

        long id = reply.json().get("id").asLong();
        assertThat(reply.body()).isEqualTo(snippetJson(id, "tom", "", "x = 1", false, "python", "friendly"));
    }

    @Test
    void retrieveShowsTheSnippetToAnyone() {
        long id = api.create("vitalii", "{\"title\": \"t\", \"code\": \"c\"}");

        Reply reply = api.get("/snippets/" + id + "/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(snippetJson(id, "vitalii", "t", "c", false, "python", "friendly"));
        assertThat(reply.header("Allow")).isEqualTo("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
    }

    @Test
    void listShowsCreatedSnippetsOldestFirst() {
        long first = api.create("tom", "{\"code\": \"first\"}");
        long second = api.create("tom", "{\"code\": \"second\"}");

        Reply reply = api.get("/snippets/?page=last");

        assertThat(reply.status()).isEqualTo(200);
        var ids = reply.json().get("results").values().stream().map(node -> node.get("id").asLong()).toList();
        assertThat(ids).containsSubsequence(first, second);
        assertThat(reply.body()).startsWith("{\"count\":");
        assertThat(reply.body()).contains(snippetJson(second, "tom", "", "second", false, "python", "friendly"));
    }

    @Test
    void putRequiresCodeOnlyAndKeepsTheFieldsLeftOut() {
        long id = api.create("vitalii", "{\"title\": \"keep\", \"code\": \"old\", \"linenos\": true, \"style\": \"vim\"}");

        Reply missingCode = api.json("PUT", "/snippets/" + id + "/", "vitalii", "{\"title\": \"new\"}");
        Reply reply = api.json("PUT", "/snippets/" + id + "/", "vitalii", "{\"code\": \" new code \", \"owner\": \"tom\"}");

        assertThat(missingCode.status()).isEqualTo(400);
        assertThat(missingCode.body()).isEqualTo("{\"code\":[\"This field is required.\"]}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(snippetJson(id, "vitalii", "keep", "new code", true, "python", "vim"));
        assertThat(api.get("/snippets/" + id + "/").body()).isEqualTo(reply.body());
    }

    @Test
    void patchRequiresNothing() {
        long id = api.create("vitalii", "{\"title\": \"t\", \"code\": \"c\"}");

        Reply empty = api.json("PATCH", "/snippets/" + id + "/", "vitalii", "{}");
        Reply reply = api.json("PATCH", "/snippets/" + id + "/", "vitalii", "{\"linenos\": \"on\", \"language\": \"java\"}");

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo(snippetJson(id, "vitalii", "t", "c", false, "python", "friendly"));
        assertThat(reply.body()).isEqualTo(snippetJson(id, "vitalii", "t", "c", true, "java", "friendly"));
    }

    @Test
    void deleteAnswers204WithAnEmptyBodyAndTheSnippetIsGone() {
        long id = api.create("tom", "{\"code\": \"bye\"}");

        Reply reply = api.json("DELETE", "/snippets/" + id + "/", "tom", null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        Reply gone = api.get("/snippets/" + id + "/");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"detail\":\"No Snippet matches the given query.\"}");
        assertThat(api.get("/users/3/").body()).doesNotContain("/snippets/" + id + "/");
    }

    @Test
    void unknownAndNonNumericIdsAre404WithDifferentMessages() {
        assertThat(api.get("/snippets/987654/")).satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo("{\"detail\":\"No Snippet matches the given query.\"}");
        });
        assertThat(api.get("/snippets/99999999999999999999999/").body())
                .isEqualTo("{\"detail\":\"No Snippet matches the given query.\"}");
        assertThat(api.get("/snippets/abc/")).satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo("{\"detail\":\"Not found.\"}");
        });
        assertThat(api.get("/snippets/abc/highlight/").body()).isEqualTo("{\"detail\":\"Not found.\"}");
        assertThat(api.get("/nowhere/").body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void aPathWithoutItsTrailingSlashIsRedirected() {
        Reply reply = api.get("/snippets?page=1");

        assertThat(reply.status()).isEqualTo(301);
        assertThat(reply.header("Location")).isEqualTo("/snippets/?page=1");
    }

    @Test
    void theApiRootLinksToBothCollections() {
        Reply reply = api.get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"snippets\":\"" + api.base() + "/snippets/\",\"users\":\"" + api.base() + "/users/\"}");
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() {
        Reply reply = api.send("HEAD", "/snippets/", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void optionsDescribesTheView() {
        Reply reply = api.send("OPTIONS", "/snippets/", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
        assertThat(reply.json().get("name").asString()).isEqualTo("Snippet List");
        assertThat(reply.json().get("parses").toString()).contains("application/json", "multipart/form-data");
    }
}
