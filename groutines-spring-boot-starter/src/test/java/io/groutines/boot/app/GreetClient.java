package io.groutines.boot.app;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** An HTTP interface client: a JDK proxy with no target, made by Spring's {@code HttpServiceProxyFactory}. */
@HttpExchange("/greet")
public interface GreetClient {

    @GetExchange
    String greet(@RequestParam String name);
}
