package io.groutines.demo.proxied;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.groutines.weaving.Weaving;

/**
 * A groutine on a method of a CGLIB-proxied bean sees one EXIT per call: the proxy class that Spring generates is
 * not woven, only the class it proxies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=proxied_exit",
        "spring.datasource.url=jdbc:h2:mem:proxied;DB_CLOSE_DELAY=-1" })
class ProxiedBeanTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxiedGreeter greeter;

    @Test
    void theBeanIsACglibProxyAndOnlyTheClassItProxiesIsWoven() {
        assertThat(AopUtils.isCglibProxy(greeter)).isTrue();
        Class<?> proxy = greeter.getClass();
        assertThat(proxy.getName()).contains("$$SpringCGLIB$$");
        assertThat(Weaving.status(ProxiedGreeter.class)).isEqualTo(Weaving.Status.WOVEN);
        assertThat(Arrays.stream(proxy.getDeclaredFields()).map(f -> f.getName()))
                .as("join point fields of the proxy").noneMatch(name -> name.startsWith("ajc$tjp_"));
    }

    @Test
    void anExitGroutineOnAProxiedMethodFiresOncePerCall() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ProxiedExit.EXITS.set(0);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> reply = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/proxied/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("hello");
        }
        assertThat(ProxiedExit.EXITS.get()).isEqualTo(3);
    }
}
