package io.groutines.demo.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal: the user's id and name, so that the current user is found without a query by name.
 *
 * @param id the {@code users} row id
 */
public record Account(long id, String username, String password) implements UserDetails, Serializable {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // the tutorial's permissions look at ownership only, never at roles
        return List.of();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + username + "]";
    }
}
