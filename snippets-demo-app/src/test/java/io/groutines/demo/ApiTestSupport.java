package io.groutines.demo;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context all API tests share: the app on a random port with its embedded H2 database, tested
 * over real HTTP. Tests create the snippets they need and assert on those, never on what other tests left behind.
 *
 * <p>They do not depend on groutines, which are off here unless the JVM says {@code -Ddemo.api.groutines=true}
 * ({@code bench/test-suite.sh} measures what groutines cost such a suite): then they are on, with
 * {@code observe_seed}, which awaits the seed scenario's calls and event and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=${demo.api.groutines:false}", "groutines.active=observe_seed" })
abstract class ApiTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper jsonMapper;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, jsonMapper);
    }

    /** The JSON of a snippet the way the API writes it, for exact comparisons of field order. */
    String snippetJson(long id, String owner, String title, String code, boolean linenos, String language, String style) {
        String url = api.base() + "/snippets/" + id + "/";
        return "{\"url\":\"" + url + "\",\"id\":" + id + ",\"highlight\":\"" + url + "highlight/\",\"owner\":\"" + owner
                + "\",\"title\":" + jsonMapper.writeValueAsString(title) + ",\"code\":" + jsonMapper.writeValueAsString(code)
                + ",\"linenos\":" + linenos + ",\"language\":\"" + language + "\",\"style\":\"" + style + "\"}";
    }
}
