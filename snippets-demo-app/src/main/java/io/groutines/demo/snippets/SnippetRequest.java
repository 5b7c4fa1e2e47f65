package io.groutines.demo.snippets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The writable fields of a snippet request body, bound by Jackson's bean deserializer: one setter call per field
 * present in the body ({@code tools.jackson.databind.deser.impl.MethodProperty#deserializeAndSet} calls
 * {@code setTitle}, {@code setCode}, ...). Values stay raw JSON, since DRF's rules depend on the JSON type
 * (numbers become text, booleans are refused, {@code null} differs from absent); {@link SnippetInputReader}
 * applies them. A field never set is absent. Unknown fields, and read-only ones such as {@code id} or
 * {@code owner}, are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SnippetRequest {

    private JsonNode title;
    private JsonNode code;
    private JsonNode linenos;
    private JsonNode language;
    private JsonNode style;

    public JsonNode getTitle() {
        return title;
    }

    public void setTitle(JsonNode title) {
        this.title = present(title);
    }

    public JsonNode getCode() {
        return code;
    }

    public void setCode(JsonNode code) {
        this.code = present(code);
    }

    public JsonNode getLinenos() {
        return linenos;
    }

    public void setLinenos(JsonNode linenos) {
        this.linenos = present(linenos);
    }

    public JsonNode getLanguage() {
        return language;
    }

    public void setLanguage(JsonNode language) {
        this.language = present(language);
    }

    public JsonNode getStyle() {
        return style;
    }

    public void setStyle(JsonNode style) {
        this.style = present(style);
    }

    // a setter is only called for a field that is in the body, so a Java null here is a JSON null
    private static JsonNode present(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }
}
