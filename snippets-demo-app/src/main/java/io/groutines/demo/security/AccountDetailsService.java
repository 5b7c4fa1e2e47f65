package io.groutines.demo.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import io.groutines.demo.users.UserRepository;

/** Loads accounts from the {@code users} table for HTTP Basic and the login form. */
@Service
public class AccountDetailsService implements UserDetailsService {

    private final UserRepository users;

    public AccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(user -> new Account(user.getId(), user.getUsername(), user.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
