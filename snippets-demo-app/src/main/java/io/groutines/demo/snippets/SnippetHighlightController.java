package io.groutines.demo.snippets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.web.ApiView;
import io.groutines.demo.web.ObjectLookup;
import io.groutines.demo.web.UnmappedMethods;
import io.groutines.demo.web.UnmappedMethods.ViewMetadata;

/** {@code /snippets/{id}/highlight/}: the stored HTML page, as the tutorial's {@code highlight} action serves it. */
@RestController
@RequestMapping("/snippets/{id}/highlight/")
@ApiView(name = "Highlight", allow = {"GET", "HEAD", "OPTIONS"}, renders = "text/html")
public class SnippetHighlightController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");

    private final SnippetRepository snippets;
    private final SnippetPermissions permissions;

    public SnippetHighlightController(SnippetRepository snippets, SnippetPermissions permissions) {
        this.snippets = snippets;
        this.permissions = permissions;
    }

    @GetMapping
    public ResponseEntity<String> highlight(HttpServletRequest request, @PathVariable String id) {
        checkPermissions(request);
        Snippet snippet = ObjectLookup.getOr404(id, "Snippet", snippets::findById);
        permissions.requireOwnerOrReadOnly(request, snippet);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(HTML);
        return new ResponseEntity<>(snippet.getHighlighted(), headers, HttpStatus.OK);
    }

    /** OPTIONS: the view's metadata (Spring would answer it by itself otherwise, with its own Allow list). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<ViewMetadata> options(HttpServletRequest request) {
        checkPermissions(request);
        return UnmappedMethods.answer(request, SnippetHighlightController.class);
    }

    /** Any method without a handler: a 405, once permissions are checked, as DRF checks them first. */
    @RequestMapping
    public ResponseEntity<ViewMetadata> otherMethods(HttpServletRequest request) {
        checkPermissions(request);
        return UnmappedMethods.answer(request, SnippetHighlightController.class);
    }

    /** The snippet views' {@code check_permissions}: an anonymous write is refused before anything else. */
    public void checkPermissions(HttpServletRequest request) {
        permissions.requireAuthenticatedOrReadOnly(request);
    }
}
