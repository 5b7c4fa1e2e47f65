package io.groutines.demo.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into DRF's {@code {"detail": ...}} body. The content type is set explicitly so that an
 * error can be written whatever the {@code Accept} header asked for (DRF falls back to its first renderer too).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Pattern SLASHLESS_API_PATH =
            Pattern.compile("/(snippets(/[^/]+(/highlight)?)?|users(/[^/]+)?|api-auth/(login|logout))");

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ErrorDetail> apiException(ApiException ex) {
        HttpHeaders headers = jsonHeaders();
        if (!ex.allow().isEmpty()) {
            headers.set(HttpHeaders.ALLOW, String.join(", ", ex.allow()));
        }
        return new ResponseEntity<>(new ErrorDetail(ex.detail()), headers, ex.status());
    }

    /**
     * An unknown path; a GET of a known one written without its trailing slash is redirected there, as Django's
     * {@code APPEND_SLASH} does.
     */
    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<?> noSuchPath(NoResourceFoundException ex, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean readOnly = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (readOnly && SLASHLESS_API_PATH.matcher(path).matches()) {
            String query = request.getQueryString();
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.LOCATION, request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
            return new ResponseEntity<>(headers, HttpStatus.MOVED_PERMANENTLY);
        }
        return apiException(ApiException.notFound());
    }

    /** Another request saved the object after this one read it ({@code @Version}): 409, nothing is saved. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<ErrorDetail> conflict(OptimisticLockingFailureException ex) {
        return apiException(ApiException.conflict());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ErrorDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return apiException(ApiException.notAcceptable());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ErrorDetail> methodNotSupported(HttpRequestMethodNotSupportedException ex) {
        var allow = ex.getSupportedHttpMethods() == null ? java.util.List.<String>of()
                : ex.getSupportedHttpMethods().stream().map(Object::toString).toList();
        return apiException(ApiException.methodNotAllowed(ex.getMethod(), allow));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ErrorDetail> tooLarge(MaxUploadSizeExceededException ex) {
        return new ResponseEntity<>(new ErrorDetail("Request body too large."), jsonHeaders(),
                HttpStatus.CONTENT_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ErrorDetail> badMultipart(MultipartException ex) {
        return apiException(ApiException.parseError("Multipart form parse error - " + rootMessage(ex)));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return new ResponseEntity<>(new ErrorDetail("A server error occurred."), jsonHeaders(),
                HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
