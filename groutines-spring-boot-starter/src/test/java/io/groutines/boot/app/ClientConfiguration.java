package io.groutines.boot.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** The HTTP interface client as a bean, pointed at nothing: the tests' groutines answer its calls themselves. */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    GreetClient greetClient() {
        RestClient client = RestClient.create("http://127.0.0.1:9");
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(GreetClient.class);
    }
}
