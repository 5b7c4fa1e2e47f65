package io.groutines.boot.test;

import java.util.ArrayList;
import java.util.List;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.boot.app.GreetClient;
import io.groutines.boot.app.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls through a Spring proxy that weaving cannot reach — an HTTP interface client, a JDK proxy with no target —
 * reach groutines as woven calls do: the arguments at ENTER, a result supplied at ENTER (the HTTP call does not
 * happen), the result at EXIT.
 */
@SpringBootTest(classes = TestApplication.class, properties = "groutines.enabled=true")
@WithGroutines
class ProxiedCallsTests {

    @Autowired
    GreetClient client;

    @Test
    void anHttpInterfaceClientsCallIsSeenAndAnsweredByAGroutine(Hub hub) {
        assertThat(AopUtils.isJdkDynamicProxy(this.client)).isTrue();
        List<Object> seen = new ArrayList<>();
        hub.spawn("client", () -> {
            Call enter = FunctionCall.of(GreetClient.class, "greet").await(Phase.ENTER);
            seen.add(enter.arg("name"));
            enter.replaceResult("Hello from a groutine, " + enter.arg(0));
            Call exit = FunctionCall.of(GreetClient.class, "greet").await(Phase.EXIT);
            seen.add(exit.returnValue());
        });
        assertThat(this.client.greet("ann")).isEqualTo("Hello from a groutine, ann");
        assertThat(seen).containsExactly("ann", "Hello from a groutine, ann");
    }
}
