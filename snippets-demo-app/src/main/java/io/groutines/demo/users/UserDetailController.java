package io.groutines.demo.users;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.web.ApiLinks;
import io.groutines.demo.web.ApiView;
import io.groutines.demo.web.ObjectLookup;
import io.groutines.demo.web.UnmappedMethods;
import io.groutines.demo.web.UnmappedMethods.ViewMetadata;

/** {@code /users/{id}/}: one user, read-only, open to anyone. */
@RestController
@RequestMapping("/users/{id}/")
@ApiView(name = "User Instance", allow = {"GET", "HEAD", "OPTIONS"})
public class UserDetailController {

    private final UserRepository users;
    private final UserViews views;

    public UserDetailController(UserRepository users, UserViews views) {
        this.users = users;
        this.views = views;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public ResponseEntity<UserJson> retrieve(HttpServletRequest request, @PathVariable String id) {
        User user = ObjectLookup.getOr404(id, "User", users::findById);
        return new ResponseEntity<>(views.json(user, ApiLinks.of(request)), HttpStatus.OK);
    }

    /** OPTIONS: the view's metadata (Spring would answer it by itself otherwise, with its own Allow list). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<ViewMetadata> options(HttpServletRequest request) {
        return UnmappedMethods.answer(request, UserDetailController.class);
    }

    /** Any method without a handler: a 405, once permissions are checked, as DRF checks them first. */
    @RequestMapping
    public ResponseEntity<ViewMetadata> otherMethods(HttpServletRequest request) {
        return UnmappedMethods.answer(request, UserDetailController.class);
    }
}
