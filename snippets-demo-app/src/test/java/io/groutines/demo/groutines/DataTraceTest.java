package io.groutines.demo.groutines;

import io.groutines.demo.snippets.SnippetStore;
import io.groutines.demo.users.UserDetailController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code data_trace}: groutines on what real applications are made of fire once per call — a repository's inherited
 * CRUD method, a derived query, a {@code @Transactional} service and a controller, both behind CGLIB proxies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=data_trace",
        "spring.datasource.url=jdbc:h2:mem:groutines-data-trace;DB_CLOSE_DELAY=-1" })
@ExtendWith(OutputCaptureExtension.class)
class DataTraceTest extends RunningDemo {

    @Autowired
    SnippetStore store;

    @Autowired
    UserDetailController users;

    @Test
    void theServiceAndTheControllerAreProxied() {
        assertThat(AopUtils.isCglibProxy(store)).isTrue();
        assertThat(AopUtils.isCglibProxy(users)).isTrue();
    }

    @Test
    void eachCallIsTracedOnce(CapturedOutput output) {
        DemoHttp.Reply created = http.post("/snippets/", "tom", BODY);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(http.get("/snippets/" + id + "/").status()).isEqualTo(200);
        assertThat(http.get("/users/2/").status()).isEqualTo(200);

        String log = output.getOut();
        assertThat(count(log, "data_trace: UserRepository.findByUsername(tom)")).isEqualTo(1);
        assertThat(count(log, "data_trace: SnippetStore.save -> snippet " + id)).isEqualTo(1);
        assertThat(count(log, "data_trace: SnippetRepository.findById(" + id + ") -> found")).isEqualTo(1);
        assertThat(count(log, "data_trace: UserDetailController.retrieve(2) -> 200")).isEqualTo(1);
    }

    private static int count(String text, String line) {
        return text.split(java.util.regex.Pattern.quote(line), -1).length - 1;
    }
}
