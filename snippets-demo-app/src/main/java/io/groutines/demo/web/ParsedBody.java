package io.groutines.demo.web;

import tools.jackson.databind.JsonNode;

/**
 * A request body as DRF's {@code request.data} holds it.
 *
 * @param data the parsed value: any JSON value for a JSON body, an object of strings for a form
 * @param form whether it came from an HTML form, whose missing fields DRF reads differently (a missing
 *             checkbox is {@code false})
 */
public record ParsedBody(JsonNode data, boolean form) {
}
