package io.groutines.demo.security;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.groutines.demo.users.User;
import io.groutines.demo.users.UserRepository;

/** The user of the current request, as DRF's {@code request.user}; empty for an anonymous request. */
@Component
public class CurrentUser {

    private final UserRepository users;

    public CurrentUser(UserRepository users) {
        this.users = users;
    }

    /** Whether the request was authenticated by session or HTTP Basic. */
    public boolean isAuthenticated() {
        return account().isPresent();
    }

    /** The id of the authenticated user, without touching the database. */
    public Optional<Long> id() {
        return account().map(Account::id);
    }

    /** The authenticated user's row; empty when anonymous (or when the row has gone since login). */
    public Optional<User> get() {
        return account().flatMap(account -> users.findById(account.id()));
    }

    private static Optional<Account> account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return authentication.getPrincipal() instanceof Account account ? Optional.of(account) : Optional.empty();
    }
}
