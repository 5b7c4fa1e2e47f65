package io.groutines.demo.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a request body with DRF's default parsers: JSON, URL-encoded form, multipart form. Called by a handler
 * after its permission checks, as DRF parses lazily on first access to {@code request.data}.
 * An empty body is empty data whatever its type; another type is a 415; broken JSON a 400 with the parser's message.
 */
@Component
public class RequestBodyParser {

    private final JsonMapper jsonMapper;

    public RequestBodyParser(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public ParsedBody parse(HttpServletRequest request) {
        String contentType = request.getContentType();
        MediaType mediaType = mediaType(contentType);
        if (mediaType == null || request.getContentLengthLong() == 0) {
            // DRF reads no stream without a length or without a type: the data is empty
            return new ParsedBody(jsonMapper.createObjectNode(), isForm(mediaType));
        }
        if (isForm(mediaType)) {
            return new ParsedBody(formData(request), true);
        }
        byte[] body = readBody(request);
        if (body.length == 0) {
            return new ParsedBody(jsonMapper.createObjectNode(), false);
        }
        if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType)) {
            throw ApiException.unsupportedMediaType(contentType);
        }
        return new ParsedBody(json(body), false);
    }

    private JsonNode json(byte[] body) {
        try {
            JsonNode value = jsonMapper.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(body);
            return value == null ? NullNode.getInstance() : value;
        }
        catch (JacksonException ex) {
            throw ApiException.parseError("JSON parse error - " + ex.getOriginalMessage());
        }
    }

    /**
     * The form fields of the body alone: the servlet API mixes query parameters in first, so those are skipped.
     * A field given twice keeps its last value, as Django's {@code QueryDict} does.
     */
    private ObjectNode formData(HttpServletRequest request) {
        Map<String, Integer> inQuery = new HashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    String name = QueryString.parse(pair).names().getFirst();
                    inQuery.merge(name, 1, Integer::sum);
                }
            }
        }
        ObjectNode data = jsonMapper.createObjectNode();
        request.getParameterMap().forEach((name, values) -> {
            int skip = inQuery.getOrDefault(name, 0);
            if (values.length > skip) {
                data.put(name, values[values.length - 1]);
            }
        });
        return data;
    }

    private static byte[] readBody(HttpServletRequest request) {
        try {
            return request.getInputStream().readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        }
        catch (InvalidMediaTypeException ex) {
            throw ApiException.unsupportedMediaType(contentType);
        }
    }

    private static boolean isForm(MediaType mediaType) {
        return mediaType != null && (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(mediaType)
                || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(mediaType));
    }
}
