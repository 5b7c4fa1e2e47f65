package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import io.groutines.demo.security.CurrentUser;
import io.groutines.demo.snippets.Snippet;
import io.groutines.demo.snippets.SnippetInputReader;
import io.groutines.demo.snippets.SnippetJson;
import io.groutines.demo.snippets.SnippetListController;
import io.groutines.demo.snippets.SnippetPermissions;
import io.groutines.demo.snippets.SnippetRepository;
import io.groutines.demo.snippets.SnippetStore;
import io.groutines.demo.users.UserRepository;
import io.groutines.demo.web.ApiException;
import io.groutines.demo.web.RequestBodyParser;

/**
 * The hooks the groutines examples listen to: {@code checkPermissions} refuses an anonymous write, {@code preSave}
 * alone sets the owner, and a create whose permission check was bypassed (as a groutine may do) ends cleanly,
 * whoever {@code preSave} finds. Subclasses stand in for a listener that replaces a method.
 */
class ControllerHooksTest extends ApiTestSupport {

    @Autowired
    SnippetListController controller;
    @Autowired
    SnippetRepository snippets;
    @Autowired
    SnippetStore store;
    @Autowired
    RequestBodyParser bodyParser;
    @Autowired
    SnippetInputReader inputReader;
    @Autowired
    SnippetPermissions permissions;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UserRepository users;

    private static MockHttpServletRequest post(String json) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/snippets/");
        request.setContentType("application/json");
        request.setContent(json.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void checkPermissionsRefusesAnAnonymousWriteAndLetsReadsThrough() {
        controller.checkPermissions(new MockHttpServletRequest("GET", "/snippets/"));

        assertThatThrownBy(() -> controller.checkPermissions(post("{}")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Authentication credentials were not provided.");
    }

    @Test
    void preSaveWithNobodyLoggedInLeavesTheOwnerNull() {
        Snippet snippet = new Snippet();

        controller.preSave(snippet);

        assertThat(snippet.getOwner()).isNull();
    }

    @Test
    void aBypassedPermissionCheckWithNoOwnerIsACleanError() {
        SnippetListController bypassed = new SnippetListController(snippets, store, bodyParser, inputReader, permissions,
                currentUser) {
            @Override
            public void checkPermissions(HttpServletRequest request) {
                // a groutine made the check return
            }
        };
        long before = snippets.count();

        ResponseEntity<?> response = bypassed.create(post("{\"title\": \"aaa\", \"code\": \"bbb\"}"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(Map.of("owner", List.of("This field may not be null.")));
        assertThat(snippets.count()).isEqualTo(before);
    }

    @Test
    void theOwnerIsWhoeverPreSaveSets() {
        SnippetListController replaced = new SnippetListController(snippets, store, bodyParser, inputReader, permissions,
                currentUser) {
            @Override
            public void checkPermissions(HttpServletRequest request) {
            }

            @Override
            public void preSave(Snippet snippet) {
                snippet.setOwner(users.findByUsername("tom").orElseThrow());
            }
        };

        ResponseEntity<?> response = replaced.create(post("{\"title\": \"aaa\", \"code\": \"bbb\"}"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((SnippetJson) response.getBody()).owner()).isEqualTo("tom");
    }

    @Test
    void validationErrorsAreAResponseEntityBuiltByTheController() {
        SnippetListController open = new SnippetListController(snippets, store, bodyParser, inputReader, permissions,
                currentUser) {
            @Override
            public void checkPermissions(HttpServletRequest request) {
            }
        };

        ResponseEntity<?> response = open.create(post("{\"title\": \"aaa\"}"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(Map.of("code", List.of("This field is required.")));
    }
}
