package io.groutines.demo.groutines;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test against the demo running on a random port, spoken to over real HTTP. */
abstract class RunningDemo {

    static final String BODY = "{\"title\":\"aaa\",\"code\":\"bbb\"}";

    @LocalServerPort
    int port;

    DemoHttp http;

    @BeforeEach
    void connect() {
        http = new DemoHttp(port);
    }
}
