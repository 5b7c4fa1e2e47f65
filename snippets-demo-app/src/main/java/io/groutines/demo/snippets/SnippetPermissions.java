package io.groutines.demo.snippets;

import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.groutines.demo.security.CurrentUser;
import io.groutines.demo.web.ApiException;

/**
 * The tutorial's permission classes for snippets: {@code IsAuthenticatedOrReadOnly} and {@code IsOwnerOrReadOnly}.
 * A refusal of an anonymous request says that credentials are missing, any other one that permission is denied,
 * as DRF's {@code permission_denied} does. The controllers call these from their own {@code checkPermissions}
 * methods, which are the methods to listen to.
 */
@Component
public class SnippetPermissions {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentUser currentUser;

    public SnippetPermissions(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** IsAuthenticatedOrReadOnly: reads for anyone, writes for a logged-in user. */
    public void requireAuthenticatedOrReadOnly(HttpServletRequest request) {
        if (!isSafe(request) && !currentUser.isAuthenticated()) {
            throw ApiException.notAuthenticated();
        }
    }

    /** IsOwnerOrReadOnly: reads for anyone, writes for the snippet's owner. */
    public void requireOwnerOrReadOnly(HttpServletRequest request, Snippet snippet) {
        if (isSafe(request)) {
            return;
        }
        if (!currentUser.isAuthenticated()) {
            throw ApiException.notAuthenticated();
        }
        Long ownerId = snippet.getOwner() == null ? null : snippet.getOwner().getId();
        if (!Objects.equals(ownerId, currentUser.id().orElse(null))) {
            throw ApiException.permissionDenied();
        }
    }

    private static boolean isSafe(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }
}
