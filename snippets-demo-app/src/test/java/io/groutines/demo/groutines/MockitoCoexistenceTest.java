package io.groutines.demo.groutines;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.groutines.FunctionCall;
import io.groutines.Phase;
import io.groutines.boot.test.RequestGroutines;
import io.groutines.demo.highlight.HighlightedPage;
import io.groutines.demo.users.UserViews;
import io.groutines.weaving.Weaving;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Mockito's inline mock maker beside the groutines agent: a spy on a woven bean still runs its woven code, where a
 * groutine sees the call; a mock of another woven bean answers what the test stubbed; the demo still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groutines.enabled=true", "groutines.active=none",
        "spring.datasource.url=jdbc:h2:mem:groutines-mockito;DB_CLOSE_DELAY=-1" })
@Import(RequestGroutines.class)
class MockitoCoexistenceTest extends RunningDemo {

    @MockitoSpyBean
    HighlightedPage highlightedPage;

    @MockitoBean
    UserViews userViews;

    @Autowired
    RequestGroutines requestGroutines;

    @Test
    void aSpiedWovenBeanIsSeenByGroutinesAndAMockedOneAnswersAsStubbed() {
        assertThat(Weaving.status(HighlightedPage.class)).isEqualTo(Weaving.Status.WOVEN);
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (RequestGroutines.Registration render = this.requestGroutines.add("render", () ->
                seen.add(FunctionCall.of(HighlightedPage.class, "render").await(Phase.ENTER).arg(0)))) {
            DemoHttp.Reply created = http.post("/snippets/", "tom", "{\"title\":\"t\",\"code\":\"print(1)\"}");
            assertThat(created.status()).isEqualTo(201);
        }
        assertThat(seen).containsExactly("print(1)");
        verify(highlightedPage, atLeastOnce()).render(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());

        when(userViews.json(any(), any())).thenReturn(null);
        assertThat(http.get("/users/1/").status()).isEqualTo(200);
        verify(userViews).json(any(), any());
    }
}
