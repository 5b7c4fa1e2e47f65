package io.groutines.demo.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal answered with DRF's {@code {"detail": "..."}} body, as DRF's {@code APIException} subclasses are.
 * Thrown anywhere in a request; {@link ApiExceptionHandler} turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> allow;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    private ApiException(HttpStatus status, String detail, List<String> allow) {
        super(detail, null, false, false);
        this.status = status;
        this.allow = allow;
    }

    /** An anonymous request that needs a user: 403, never 401, since no authenticator sends a challenge. */
    public static ApiException notAuthenticated() {
        return new ApiException(HttpStatus.FORBIDDEN, "Authentication credentials were not provided.");
    }

    /** An authenticated user who may not do this. */
    public static ApiException permissionDenied() {
        return new ApiException(HttpStatus.FORBIDDEN, "You do not have permission to perform this action.");
    }

    /** Wrong HTTP Basic credentials. */
    public static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.FORBIDDEN, "Invalid username/password.");
    }

    /** A well-formed id that matches no row of the model. */
    public static ApiException noMatch(String modelName) {
        return new ApiException(HttpStatus.NOT_FOUND, "No " + modelName + " matches the given query.");
    }

    /** A lookup that could not even be made, such as a non-numeric id, or an unknown path. */
    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found.");
    }

    public static ApiException invalidPage() {
        return new ApiException(HttpStatus.NOT_FOUND, "Invalid page.");
    }

    public static ApiException methodNotAllowed(String method, List<String> allow) {
        return new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "Method \"" + method + "\" not allowed.", allow);
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type \"" + contentType + "\" in request.");
    }

    public static ApiException notAcceptable() {
        return new ApiException(HttpStatus.NOT_ACCEPTABLE, "Could not satisfy the request Accept header.");
    }

    /** An update computed from a read that another request's update made stale (optimistic locking). */
    public static ApiException conflict() {
        return new ApiException(HttpStatus.CONFLICT,
                "The object was changed by another request since this one read it. Read it again and retry.");
    }

    /** A body the parser could not read; the message follows DRF's "JSON parse error - ..." form. */
    public static ApiException parseError(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** The methods for the {@code Allow} header of a 405; empty otherwise. */
    public List<String> allow() {
        return allow;
    }
}
