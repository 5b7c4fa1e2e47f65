package io.groutines.demo.snippets;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.security.CurrentUser;
import io.groutines.demo.web.ApiLinks;
import io.groutines.demo.web.ApiView;
import io.groutines.demo.web.PageJson;
import io.groutines.demo.web.PageNumberPagination;
import io.groutines.demo.web.PageNumberPagination.PageSpec;
import io.groutines.demo.web.RequestBodyParser;
import io.groutines.demo.web.UnmappedMethods;
import io.groutines.demo.web.UnmappedMethods.ViewMetadata;

/**
 * {@code /snippets/}: the paginated list, and creation by a logged-in user, who becomes the owner.
 * <p>
 * The DRF view's hooks are ordinary public methods here, for a method interceptor to target:
 * {@link #checkPermissions} (DRF's {@code APIView.check_permissions(request)}) runs first in every handler, and
 * {@link #preSave} (the old {@code pre_save(obj)}, today's {@code perform_create}) runs right before a new snippet
 * is saved; it is the only place the owner is set. Creating goes checkPermissions, parse and validate, preSave,
 * save.
 */
@RestController
@RequestMapping("/snippets/")
@ApiView(name = "Snippet List", allow = {"GET", "POST", "HEAD", "OPTIONS"})
public class SnippetListController {

    private final SnippetRepository snippets;
    private final SnippetStore store;
    private final RequestBodyParser bodyParser;
    private final SnippetInputReader inputReader;
    private final SnippetPermissions permissions;
    private final CurrentUser currentUser;

    public SnippetListController(SnippetRepository snippets, SnippetStore store, RequestBodyParser bodyParser,
            SnippetInputReader inputReader, SnippetPermissions permissions, CurrentUser currentUser) {
        this.snippets = snippets;
        this.store = store;
        this.bodyParser = bodyParser;
        this.inputReader = inputReader;
        this.permissions = permissions;
        this.currentUser = currentUser;
    }

    @GetMapping
    public ResponseEntity<PageJson<SnippetJson>> list(HttpServletRequest request) {
        checkPermissions(request);
        long count = snippets.count();
        PageSpec page = PageNumberPagination.resolve(request, count);
        ApiLinks links = ApiLinks.of(request);
        List<SnippetJson> results = snippets.findPage(PageRequest.of(page.number() - 1, PageNumberPagination.PAGE_SIZE))
                .stream().map(snippet -> SnippetJson.of(snippet, links)).toList();
        return new ResponseEntity<>(PageNumberPagination.envelope(request, page, count, results), HttpStatus.OK);
    }

    @PostMapping
    public ResponseEntity<?> create(HttpServletRequest request) {
        checkPermissions(request);
        SnippetInput input = inputReader.read(bodyParser.parse(request), false);
        if (!input.isValid()) {
            return new ResponseEntity<>(input.errors(), HttpStatus.BAD_REQUEST);
        }
        Snippet snippet = new Snippet();
        input.changes().applyTo(snippet);
        preSave(snippet);
        if (snippet.getOwner() == null) {
            // reachable only when checkPermissions was bypassed and nobody was there to own the snippet
            return new ResponseEntity<>(Map.of("owner", List.of(SnippetInputReader.NULL)), HttpStatus.BAD_REQUEST);
        }
        SnippetJson created = SnippetJson.of(store.save(snippet), ApiLinks.of(request));
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(created.url()));
        return new ResponseEntity<>(created, headers, HttpStatus.CREATED);
    }

    /** OPTIONS: the view's metadata (Spring would answer it by itself otherwise, with its own Allow list). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<ViewMetadata> options(HttpServletRequest request) {
        checkPermissions(request);
        return UnmappedMethods.answer(request, SnippetListController.class);
    }

    /** Any method without a handler: a 405, once permissions are checked, as DRF checks them first. */
    @RequestMapping
    public ResponseEntity<ViewMetadata> otherMethods(HttpServletRequest request) {
        checkPermissions(request);
        return UnmappedMethods.answer(request, SnippetListController.class);
    }

    /**
     * DRF's {@code check_permissions(request)}: anyone may read, only a logged-in user may write. Throws the 403
     * "Authentication credentials were not provided." for an anonymous write.
     */
    public void checkPermissions(HttpServletRequest request) {
        permissions.requireAuthenticatedOrReadOnly(request);
    }

    /**
     * DRF's {@code pre_save(obj)} hook of the tutorial: makes the requesting user the owner of the new snippet.
     * With nobody logged in (only when {@link #checkPermissions} was bypassed) the owner stays null.
     */
    public void preSave(Snippet snippet) {
        snippet.setOwner(currentUser.get().orElse(null));
    }
}
