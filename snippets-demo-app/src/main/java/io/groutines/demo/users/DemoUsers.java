package io.groutines.demo.users;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the three demo accounts at start-up, in this order so that their ids are 1, 2, 3.
 * The passwords are for the demo only: they are public, never use them anywhere real.
 */
@Component
public class DemoUsers implements ApplicationRunner {

    /** Demo-only credentials, published in docs/demo-api.md. */
    static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    static {
        PASSWORDS.put("admin", "admin-demo");
        PASSWORDS.put("vitalii", "vitalii-demo");
        PASSWORDS.put("tom", "tom-demo");
    }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;

    public DemoUsers(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        PASSWORDS.forEach((username, password) -> {
            if (!users.existsByUsername(username)) {
                users.save(new User(username, passwordEncoder.encode(password)));
            }
        });
    }
}
