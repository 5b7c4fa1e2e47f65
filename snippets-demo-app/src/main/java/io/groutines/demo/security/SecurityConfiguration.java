package io.groutines.demo.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Authentication only, as DRF's authenticators do: session (form login) first, then HTTP Basic. Nothing is
 * refused here except bad credentials and a session write without its CSRF token; whether a request may do what it
 * asks is checked by the controllers ({@code checkPermissions}), so that an anonymous write reaches them.
 * Every refusal is a 403 with DRF's body, never a 401.
 */
@Configuration
public class SecurityConfiguration {

    static final String LOGIN_PATH = "/api-auth/login/";
    static final String LOGOUT_PATH = "/api-auth/logout/";
    /** Django's names: the cookie a page script reads, the header it sends back, the form field. */
    static final String CSRF_COOKIE = "csrftoken";
    static final String CSRF_HEADER = "X-CSRFToken";
    static final String CSRF_FIELD = "csrfmiddlewaretoken";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonRefusals refusals, LoginPage loginPage) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setParameterName(CSRF_FIELD);
        CsrfTokenRequestAttributeHandler csrfRequestHandler = new CsrfTokenRequestAttributeHandler();
        csrfRequestHandler.setCsrfRequestAttributeName(CSRF_FIELD);

        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(invalidBasicCredentials(refusals)))
                .formLogin(form -> form.loginPage(LOGIN_PATH)
                        .loginProcessingUrl(LOGIN_PATH)
                        .successHandler((request, response, authentication) -> {
                            // Django rotates the CSRF token at login and sets the new cookie at once; Spring only
                            // clears the old one, so the new token is generated (and its cookie written) here
                            CsrfToken rotated = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
                            if (rotated != null) {
                                rotated.getToken();
                            }
                            LoginPage.redirectToNext(request, response);
                        })
                        .failureHandler((request, response, exception) ->
                                loginPage.renderFailure(request, response)))
                .logout(logout -> logout.logoutUrl(LOGOUT_PATH)
                        .logoutSuccessHandler((request, response, authentication) ->
                                LoginPage.redirectToNext(request, response)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfRequestHandler)
                        .requireCsrfProtectionMatcher(sessionWrites()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(invalidBasicCredentials(refusals))
                        .accessDeniedHandler(csrfFailure(refusals)))
                .requestCache(RequestCacheConfigurer::disable);
        return http.build();
    }

    /**
     * DRF enforces CSRF only on writes authenticated by the session (and Django on its login and logout forms);
     * Basic-authenticated and anonymous writes need no token. The CSRF filter runs before Basic authentication, so
     * an authenticated context here came from the session.
     */
    private static RequestMatcher sessionWrites() {
        return request -> {
            if (SAFE_METHODS.contains(request.getMethod())) {
                return false;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals(LOGIN_PATH) || path.equals(LOGOUT_PATH)) {
                return true;
            }
            Authentication session = SecurityContextHolder.getContext().getAuthentication();
            return session != null && session.isAuthenticated() && !(session instanceof AnonymousAuthenticationToken);
        };
    }

    /** Wrong or unreadable Basic credentials, with DRF's messages; 403 even on GET. */
    private static AuthenticationEntryPoint invalidBasicCredentials(JsonRefusals refusals) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) ->
                refusals.forbidden(response, switch (String.valueOf(exception.getMessage())) {
                    case "Empty basic authentication token" -> "Invalid basic header. No credentials provided.";
                    case "Failed to decode basic authentication token", "Invalid basic authentication token" ->
                            "Invalid basic header. Credentials not correctly base64 encoded.";
                    default -> "Invalid username/password.";
                });
    }

    /** A session write without a good CSRF token, with the reasons Django gives. */
    private static AccessDeniedHandler csrfFailure(JsonRefusals refusals) {
        return (request, response, exception) -> {
            String reason;
            if (exception instanceof MissingCsrfTokenException) {
                // the token was generated for this request: there was no cookie to compare with
                reason = "CSRF Failed: CSRF cookie not set.";
            }
            else if (request.getHeader(CSRF_HEADER) == null && request.getParameter(CSRF_FIELD) == null) {
                reason = "CSRF Failed: CSRF token missing.";
            }
            else {
                reason = "CSRF Failed: CSRF token incorrect.";
            }
            writeQuietly(refusals, response, reason);
        };
    }

    private static void writeQuietly(JsonRefusals refusals, HttpServletResponse response, String detail)
            throws IOException {
        if (!response.isCommitted()) {
            refusals.forbidden(response, detail);
        }
    }
}
