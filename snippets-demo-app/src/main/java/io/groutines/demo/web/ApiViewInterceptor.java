package io.groutines.demo.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Does for every {@link ApiView} what DRF's {@code APIView.initial} does first: content negotiation (406 when the
 * {@code Accept} header cannot be met) and the {@code Allow} header that DRF puts on every response.
 * Negotiation is done here, not with {@code produces}, so that a handler never loses its mapping to a 405 fallback.
 */
@Component
public class ApiViewInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ApiView view = viewOf(handler);
        if (view == null) {
            return true;
        }
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", view.allow()));
        if (!accepts(request.getHeader(HttpHeaders.ACCEPT), MediaType.parseMediaType(view.renders()))) {
            throw ApiException.notAcceptable();
        }
        return true;
    }

    /** The view annotation of the controller that handles the request, or null for anything else. */
    static ApiView viewOf(Object handler) {
        if (handler instanceof HandlerMethod method) {
            return AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(method.getBeanType()), ApiView.class);
        }
        return null;
    }

    private static boolean accepts(String accept, MediaType rendered) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        }
        catch (InvalidMediaTypeException ex) {
            // an unreadable Accept header says nothing; like a missing one, anything goes
            return true;
        }
        return wanted.stream().anyMatch(type -> type.getQualityValue() > 0 && type.isCompatibleWith(rendered));
    }
}
