package io.groutines.demo.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.groutines.demo.web.UnmappedMethods.ViewMetadata;

/** {@code /}: the links to the two collections, as DRF's DefaultRouter root view gives them. */
@RestController
@RequestMapping("/")
@ApiView(name = "Api Root", allow = {"GET", "HEAD", "OPTIONS"})
public class ApiRootController {

    @GetMapping
    public ResponseEntity<Map<String, String>> root(HttpServletRequest request) {
        ApiLinks links = ApiLinks.of(request);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("snippets", links.snippets());
        body.put("users", links.users());
        return new ResponseEntity<>(body, HttpStatus.OK);
    }

    /** OPTIONS: the view's metadata (Spring would answer it by itself otherwise, with its own Allow list). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<ViewMetadata> options(HttpServletRequest request) {
        return UnmappedMethods.answer(request, ApiRootController.class);
    }

    /** Any method without a handler: a 405, once permissions are checked, as DRF checks them first. */
    @RequestMapping
    public ResponseEntity<ViewMetadata> otherMethods(HttpServletRequest request) {
        return UnmappedMethods.answer(request, ApiRootController.class);
    }
}
