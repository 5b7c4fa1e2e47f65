package io.groutines.demo.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.groutines.demo.web.ErrorDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a 403 with DRF's body from inside the security filter chain, where no controller runs. Always 403 and
 * never a {@code WWW-Authenticate} challenge: the tutorial's first authenticator (session) sends none.
 */
@Component
public class JsonRefusals {

    private final JsonMapper jsonMapper;

    public JsonRefusals(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void forbidden(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(new ErrorDetail(detail)));
    }
}
