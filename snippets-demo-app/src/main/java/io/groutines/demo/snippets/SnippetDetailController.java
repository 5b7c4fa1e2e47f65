package io.groutines.demo.snippets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.web.ApiLinks;
import io.groutines.demo.web.ApiView;
import io.groutines.demo.web.ObjectLookup;
import io.groutines.demo.web.RequestBodyParser;
import io.groutines.demo.web.UnmappedMethods;
import io.groutines.demo.web.UnmappedMethods.ViewMetadata;

/**
 * {@code /snippets/{id}/}: read by anyone, update and delete by the owner. Every handler goes in DRF's order:
 * {@link #checkPermissions} (before any object is loaded), {@link #getObject} (404), {@link #checkObjectPermissions}
 * (the owner check), then parsing and validation.
 */
@RestController
@RequestMapping("/snippets/{id}/")
@ApiView(name = "Snippet Instance", allow = {"GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
public class SnippetDetailController {

    private final SnippetRepository snippets;
    private final SnippetStore store;
    private final RequestBodyParser bodyParser;
    private final SnippetInputReader inputReader;
    private final SnippetPermissions permissions;

    public SnippetDetailController(SnippetRepository snippets, SnippetStore store, RequestBodyParser bodyParser,
            SnippetInputReader inputReader, SnippetPermissions permissions) {
        this.snippets = snippets;
        this.store = store;
        this.bodyParser = bodyParser;
        this.inputReader = inputReader;
        this.permissions = permissions;
    }

    @GetMapping
    public ResponseEntity<SnippetJson> retrieve(HttpServletRequest request, @PathVariable String id) {
        checkPermissions(request);
        Snippet snippet = getObject(id);
        checkObjectPermissions(request, snippet);
        return new ResponseEntity<>(SnippetJson.of(snippet, ApiLinks.of(request)), HttpStatus.OK);
    }

    /** PUT: {@code code} is required, fields left out keep their values. */
    @PutMapping
    public ResponseEntity<?> update(HttpServletRequest request, @PathVariable String id) {
        return save(request, id, false);
    }

    /** PATCH: nothing is required. */
    @PatchMapping
    public ResponseEntity<?> partialUpdate(HttpServletRequest request, @PathVariable String id) {
        return save(request, id, true);
    }

    @DeleteMapping
    public ResponseEntity<Void> destroy(HttpServletRequest request, @PathVariable String id) {
        checkPermissions(request);
        Snippet snippet = getObject(id);
        checkObjectPermissions(request, snippet);
        store.delete(snippet);
        return new ResponseEntity<>(HttpStatus.NO_CONTENT);
    }

    /** OPTIONS: the view's metadata (Spring would answer it by itself otherwise, with its own Allow list). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<ViewMetadata> options(HttpServletRequest request) {
        checkPermissions(request);
        return UnmappedMethods.answer(request, SnippetDetailController.class);
    }

    /** Any method without a handler: a 405, once permissions are checked, as DRF checks them first. */
    @RequestMapping
    public ResponseEntity<ViewMetadata> otherMethods(HttpServletRequest request) {
        checkPermissions(request);
        return UnmappedMethods.answer(request, SnippetDetailController.class);
    }

    /** DRF's {@code check_permissions(request)}: an anonymous write is a 403 before any object is looked up. */
    public void checkPermissions(HttpServletRequest request) {
        permissions.requireAuthenticatedOrReadOnly(request);
    }

    /** DRF's {@code check_object_permissions(request, obj)}: only the owner may write. */
    public void checkObjectPermissions(HttpServletRequest request, Snippet snippet) {
        permissions.requireOwnerOrReadOnly(request, snippet);
    }

    /** DRF's {@code get_object()}: the snippet, or a 404. */
    public Snippet getObject(String id) {
        return ObjectLookup.getOr404(id, "Snippet", snippets::findById);
    }

    private ResponseEntity<?> save(HttpServletRequest request, String id, boolean partial) {
        checkPermissions(request);
        Snippet snippet = getObject(id);
        checkObjectPermissions(request, snippet);
        SnippetInput input = inputReader.read(bodyParser.parse(request), partial);
        if (!input.isValid()) {
            return new ResponseEntity<>(input.errors(), HttpStatus.BAD_REQUEST);
        }
        input.changes().applyTo(snippet);
        return new ResponseEntity<>(SnippetJson.of(store.save(snippet), ApiLinks.of(request)), HttpStatus.OK);
    }
}
