package io.groutines.demo.users;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.web.ApiLinks;
import io.groutines.demo.web.ApiView;
import io.groutines.demo.web.PageJson;
import io.groutines.demo.web.PageNumberPagination;
import io.groutines.demo.web.PageNumberPagination.PageSpec;
import io.groutines.demo.web.UnmappedMethods;
import io.groutines.demo.web.UnmappedMethods.ViewMetadata;

/** {@code /users/}: read-only, paginated, listed by id; open to anyone. */
@RestController
@RequestMapping("/users/")
@ApiView(name = "User List", allow = {"GET", "HEAD", "OPTIONS"})
public class UserListController {

    private final UserRepository users;
    private final UserViews views;

    public UserListController(UserRepository users, UserViews views) {
        this.users = users;
        this.views = views;
    }

    @GetMapping
    public ResponseEntity<PageJson<UserJson>> list(HttpServletRequest request) {
        long count = users.count();
        PageSpec page = PageNumberPagination.resolve(request, count);
        ApiLinks links = ApiLinks.of(request);
        List<UserJson> results = users.findPage(PageRequest.of(page.number() - 1, PageNumberPagination.PAGE_SIZE))
                .stream().map(user -> views.json(user, links)).toList();
        return new ResponseEntity<>(PageNumberPagination.envelope(request, page, count, results), HttpStatus.OK);
    }

    /** OPTIONS: the view's metadata (Spring would answer it by itself otherwise, with its own Allow list). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<ViewMetadata> options(HttpServletRequest request) {
        return UnmappedMethods.answer(request, UserListController.class);
    }

    /** Any method without a handler: a 405, once permissions are checked, as DRF checks them first. */
    @RequestMapping
    public ResponseEntity<ViewMetadata> otherMethods(HttpServletRequest request) {
        return UnmappedMethods.answer(request, UserListController.class);
    }
}
