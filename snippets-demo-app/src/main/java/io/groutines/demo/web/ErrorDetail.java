package io.groutines.demo.web;

/** DRF's error body for everything but field errors: {@code {"detail": "..."}}. */
public record ErrorDetail(String detail) {
}
