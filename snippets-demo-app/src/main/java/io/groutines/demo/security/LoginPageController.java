package io.groutines.demo.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.web.ApiException;

/**
 * Serves the login form; the form's POST and the logout POST are handled by Spring Security's filters
 * (see {@link SecurityConfiguration}).
 */
@RestController
public class LoginPageController {

    private final LoginPage loginPage;

    public LoginPageController(LoginPage loginPage) {
        this.loginPage = loginPage;
    }

    @GetMapping(SecurityConfiguration.LOGIN_PATH)
    public ResponseEntity<String> loginForm(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
        return new ResponseEntity<>(loginPage.html(request, false), headers, HttpStatus.OK);
    }

    /** Logging out is a POST only, as Django's LogoutView has been since Django 5. */
    @RequestMapping(SecurityConfiguration.LOGOUT_PATH)
    public ResponseEntity<Void> logoutOtherMethods(HttpServletRequest request) {
        throw ApiException.methodNotAllowed(request.getMethod(), List.of("POST", "OPTIONS"));
    }
}
