package io.groutines.demo.users;

import org.springframework.stereotype.Component;

import io.groutines.demo.snippets.SnippetRepository;
import io.groutines.demo.web.ApiLinks;

/** Builds the JSON of a user, with links to their snippets oldest first. */
@Component
public class UserViews {

    private final SnippetRepository snippets;

    public UserViews(SnippetRepository snippets) {
        this.snippets = snippets;
    }

    public UserJson json(User user, ApiLinks links) {
        return new UserJson(links.user(user.getId()), user.getId(), user.getUsername(),
                snippets.findIdsByOwner(user.getId()).stream().map(links::snippet).toList());
    }
}
