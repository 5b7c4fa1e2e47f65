package io.groutines.demo.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;

/**
 * Answers the methods a view has no handler for, once the view has checked permissions (DRF checks them before it
 * looks for a handler, so an anonymous POST to a detail URL is a 403, an authenticated one a 405): OPTIONS gets the
 * view's metadata, anything else a 405 with {@code Allow}.
 */
public final class UnmappedMethods {

    private static final List<String> PARSES =
            List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data");

    private UnmappedMethods() {
    }

    /** What DRF's SimpleMetadata says for OPTIONS, without the per-field "actions". */
    public record ViewMetadata(String name, String description, List<String> renders, List<String> parses) {
    }

    public static ResponseEntity<ViewMetadata> answer(HttpServletRequest request, Class<?> viewType) {
        ApiView view = AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(viewType), ApiView.class);
        if (view == null) {
            throw new IllegalArgumentException(viewType + " is not annotated with @ApiView");
        }
        if (HttpMethod.OPTIONS.matches(request.getMethod())) {
            // JSON whatever the view renders, as DRF's metadata is
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return new ResponseEntity<>(new ViewMetadata(view.name(), "", List.of(view.renders()), PARSES), headers,
                    HttpStatus.OK);
        }
        throw ApiException.methodNotAllowed(request.getMethod(), List.of(view.allow()));
    }
}
