package io.groutines.demo.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A user as the tutorial's {@code UserSerializer} shows one: links to their snippets, oldest first. */
@JsonPropertyOrder({"url", "id", "username", "snippets"})
public record UserJson(String url, long id, String username, List<String> snippets) {
}
