package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.groutines.demo.Api.Reply;

/** The read-only users: listed by id, each with links to their snippets oldest first. */
class UsersTest extends ApiTestSupport {

    @Test
    void theDemoUsersAreListedById() {
        Reply reply = api.get("/users/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("count").asLong()).isEqualTo(3);
        assertThat(reply.json().get("next").isNull()).isTrue();
        assertThat(reply.json().get("results").values().stream().map(user -> user.get("username").asString()).toList())
                .containsExactly("admin", "vitalii", "tom");
        assertThat(reply.body()).startsWith("{\"count\":3,\"next\":null,\"previous\":null,\"results\":[{\"url\":\""
                + api.base() + "/users/1/\",\"id\":1,\"username\":\"admin\",\"snippets\":[");
    }

    @Test
    void aUserLinksToTheirSnippetsOldestFirst() {
        long first = api.create("admin", "{\"code\": \"one\"}");
        long second = api.create("admin", "{\"code\": \"two\"}");

        Reply reply = api.get("/users/1/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("{\"url\":\"" + api.base() + "/users/1/\",\"id\":1,\"username\":\"admin\",\"snippets\":[");
        var links = reply.json().get("snippets").values().stream().map(node -> node.asString()).toList();
        assertThat(links).containsSubsequence(api.base() + "/snippets/" + first + "/", api.base() + "/snippets/" + second + "/");
    }

    @Test
    void unknownUsersAre404() {
        assertThat(api.get("/users/99/").body()).isEqualTo("{\"detail\":\"No User matches the given query.\"}");
        assertThat(api.get("/users/x/").body()).isEqualTo("{\"detail\":\"Not found.\"}");
        assertThat(api.get("/users/?page=2").body()).isEqualTo("{\"detail\":\"Invalid page.\"}");
    }

    @Test
    void usersAreReadOnly() {
        Reply reply = api.json("PUT", "/users/1/", "admin", "{\"username\": \"root\"}");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Method \\\"PUT\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }
}
