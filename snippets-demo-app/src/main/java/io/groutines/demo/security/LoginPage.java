package io.groutines.demo.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form of {@code /api-auth/login/}, as DRF's browsable API offers it: username, password, the CSRF
 * field and {@code next}; a failed login shows the form again with Django's message.
 */
@Component
public class LoginPage {

    static final String FAILURE_MESSAGE =
            "Please enter a correct username and password. Note that both fields may be case-sensitive.";

    public String html(HttpServletRequest request, boolean failed) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String next = request.getParameter("next");
        return """
                <!DOCTYPE html>
                <html>
                <head><meta charset="utf-8"><title>Snippets API - log in</title></head>
                <body>
                <h1>Snippets API</h1>
                %s<form action="%s" method="post">
                  <input type="hidden" name="%s" value="%s">
                  <input type="hidden" name="next" value="%s">
                  <p><label for="id_username">Username:</label> <input type="text" name="username" id="id_username" autofocus required></p>
                  <p><label for="id_password">Password:</label> <input type="password" name="password" id="id_password" required></p>
                  <p><input type="submit" value="Log in"></p>
                </form>
                </body>
                </html>
                """.formatted(
                failed ? "<p class=\"errornote\">" + HtmlUtils.htmlEscape(FAILURE_MESSAGE) + "</p>\n" : "",
                HtmlUtils.htmlEscape(request.getContextPath() + SecurityConfiguration.LOGIN_PATH),
                SecurityConfiguration.CSRF_FIELD,
                token == null ? "" : HtmlUtils.htmlEscape(token.getToken()),
                next == null ? "" : HtmlUtils.htmlEscape(next));
    }

    /** A failed login: the form again, 200, as Django's LoginView answers an invalid form. */
    void renderFailure(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=utf-8");
        response.getOutputStream().write(html(request, true).getBytes(StandardCharsets.UTF_8));
    }

    /** 302 to the {@code next} parameter when it is a path on this site, else to the API root. */
    static void redirectToNext(HttpServletRequest request, HttpServletResponse response) {
        String next = request.getParameter("next");
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\");
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + (local ? next : "/"));
    }
}
