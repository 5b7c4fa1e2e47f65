package io.groutines.demo;

import java.util.ArrayList;
import java.util.List;

import io.groutines.demo.users.UserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo answers only once it is ready: its users exist when the web server starts to accept requests, so that a
 * request that arrives right after start-up is served like any other (and the seed groutine finds {@code vitalii}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "groutines.enabled=false")
class ReadyBeforeListeningTest {

    @Autowired
    UsersAtStart usersAtStart;

    @Test
    void theDemoUsersExistWhenTheServerStartsListening() {
        assertThat(this.usersAtStart.counts).containsExactly(3L);
    }

    @TestConfiguration
    static class Config {

        @Bean
        UsersAtStart usersAtStart(UserRepository users) {
            return new UsersAtStart(users);
        }
    }

    /** Counts the users at the moment the web server has started and accepts connections. */
    static final class UsersAtStart implements ApplicationListener<WebServerInitializedEvent> {

        final List<Long> counts = new ArrayList<>();

        private final UserRepository users;

        UsersAtStart(UserRepository users) {
            this.users = users;
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            this.counts.add(this.users.count());
        }
    }
}
