package io.groutines.demo.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute links of the API, built from the request's own scheme and host as DRF's
 * {@code request.build_absolute_uri} does.
 *
 * @param base scheme, host, port and context path, without a trailing slash
 */
public record ApiLinks(String base) {

    public static ApiLinks of(HttpServletRequest request) {
        return new ApiLinks(ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString());
    }

    public String root() {
        return base + "/";
    }

    public String snippets() {
        return base + "/snippets/";
    }

    public String snippet(long id) {
        return base + "/snippets/" + id + "/";
    }

    public String highlight(long id) {
        return base + "/snippets/" + id + "/highlight/";
    }

    public String users() {
        return base + "/users/";
    }

    public String user(long id) {
        return base + "/users/" + id + "/";
    }
}
