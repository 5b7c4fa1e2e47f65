package io.groutines.demo.users;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the three demo accounts at start-up, in this order so that their ids are 1, 2, 3 — once every bean is made
 * and before the web server starts to accept requests, so that no request sees the application without them.
 * The passwords are for the demo only: they are public, never use them anywhere real.
 */
@Component
public class DemoUsers implements SmartInitializingSingleton {

    /** Demo-only credentials, published in docs/demo-api.md. */
    static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    static {
        PASSWORDS.put("admin", "admin-demo");
        PASSWORDS.put("vitalii", "vitalii-demo");
        PASSWORDS.put("tom", "tom-demo");
    }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;

    public DemoUsers(UserRepository users, PasswordEncoder passwordEncoder, PlatformTransactionManager transactions) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> PASSWORDS.forEach((username, password) -> {
            if (!users.existsByUsername(username)) {
                users.save(new User(username, passwordEncoder.encode(password)));
            }
        }));
    }
}
