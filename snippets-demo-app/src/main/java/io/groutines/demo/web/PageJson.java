package io.groutines.demo.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** DRF's page-number envelope; {@code next} and {@code previous} are absolute links or null. */
@JsonPropertyOrder({"count", "next", "previous", "results"})
public record PageJson<T>(long count, String next, String previous, List<T> results) {
}
