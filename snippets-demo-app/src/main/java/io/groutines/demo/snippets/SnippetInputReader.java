package io.groutines.demo.snippets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.groutines.demo.highlight.PygmentsCatalog;
import io.groutines.demo.web.ParsedBody;
import io.groutines.demo.web.PythonText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.StringNode;

/**
 * Validates a snippet body with the rules of the tutorial's {@code SnippetSerializer} (a DRF ModelSerializer):
 * {@code title} CharField(max 100, blank allowed), {@code code} CharField (required, not blank), {@code linenos}
 * BooleanField, {@code language} and {@code style} ChoiceFields; text fields are trimmed, numbers become text.
 * A PUT ({@code partial == false}) requires {@code code} only; a PATCH requires nothing.
 */
@Component
public class SnippetInputReader {

    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";
    static final String NULL = "This field may not be null.";
    static final String TOO_LONG = "Ensure this field has no more than " + Snippet.TITLE_MAX_LENGTH + " characters.";
    static final String NOT_A_STRING = "Not a valid string.";
    static final String NOT_A_BOOLEAN = "Must be a valid boolean.";
    static final String NULL_CHARACTERS = "Null characters are not allowed.";

    private static final Set<String> TRUE_TEXT = Set.of("t", "y", "yes", "true", "on", "1");
    private static final Set<String> FALSE_TEXT = Set.of("f", "n", "no", "false", "off", "0");

    private final JsonMapper jsonMapper;
    private final PygmentsCatalog catalog;

    public SnippetInputReader(JsonMapper jsonMapper, PygmentsCatalog catalog) {
        this.jsonMapper = jsonMapper;
        this.catalog = catalog;
    }

    public SnippetInput read(ParsedBody body, boolean partial) {
        JsonNode data = body.data();
        if (!data.isObject()) {
            return new SnippetInput(null, Map.of("non_field_errors", List.of(notAnObject(data))));
        }
        // the bean deserializer calls one setter per field present
        SnippetRequest request = jsonMapper.treeToValue(data, SnippetRequest.class);
        Fields fields = new Fields(body.form(), partial);
        String title = fields.read("title", request.getTitle(), false, value -> text(value, true, true));
        String code = fields.read("code", request.getCode(), true, value -> text(value, false, false));
        Boolean linenos = fields.read("linenos", request.getLinenos(), false, SnippetInputReader::bool);
        String language = fields.read("language", request.getLanguage(), false, value -> choice(value, catalog::isLanguage));
        String style = fields.read("style", request.getStyle(), false, value -> choice(value, catalog::isStyle));
        if (!fields.errors.isEmpty()) {
            return new SnippetInput(null, fields.errors);
        }
        return new SnippetInput(new SnippetChanges(title, code, linenos, language, style), Map.of());
    }

    private static String notAnObject(JsonNode data) {
        if (data.isNull()) {
            return "No data provided";
        }
        String type;
        if (data.isArray()) {
            type = "list";
        }
        else if (data.isString()) {
            type = "str";
        }
        else if (data.isBoolean()) {
            type = "bool";
        }
        else if (data.isIntegralNumber()) {
            type = "int";
        }
        else {
            type = "float";
        }
        return "Invalid data. Expected a dictionary, but got " + type + ".";
    }

    /** DRF's CharField: blank test on the trimmed text first, then null, then the type, then the validators. */
    private static Result<String> text(JsonNode value, boolean allowBlank, boolean limited) {
        if (value.isString() && PythonText.strip(value.stringValue()).isEmpty()) {
            return allowBlank ? Result.of("") : Result.error(BLANK);
        }
        if (value.isNull()) {
            return Result.error(NULL);
        }
        if (!value.isString() && !value.isNumber()) {
            return Result.error(NOT_A_STRING);
        }
        String text = PythonText.strip(PythonText.str(value));
        List<String> errors = new ArrayList<>();
        if (limited && text.codePointCount(0, text.length()) > Snippet.TITLE_MAX_LENGTH) {
            errors.add(TOO_LONG);
        }
        if (text.indexOf('\0') >= 0) {
            errors.add(NULL_CHARACTERS);
        }
        text.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE).findFirst()
                .ifPresent(cp -> errors.add("Surrogate characters are not allowed: U+%X.".formatted(cp)));
        return errors.isEmpty() ? Result.of(text) : new Result<>(null, errors);
    }

    /** DRF's BooleanField: true, false, 1, 0 and the words t/y/yes/true/on/1, f/n/no/false/off/0 in any case. */
    private static Result<Boolean> bool(JsonNode value) {
        if (value.isNull()) {
            return Result.error(NULL);
        }
        if (value.isBoolean()) {
            return Result.of(value.booleanValue());
        }
        if (value.isString()) {
            String text = value.stringValue().toLowerCase(java.util.Locale.ROOT);
            if (TRUE_TEXT.contains(text)) {
                return Result.of(true);
            }
            if (FALSE_TEXT.contains(text)) {
                return Result.of(false);
            }
        }
        if (value.isNumber()) {
            // Python compares 1.0 == 1 == True and 0.0 == 0 == False
            double number = value.doubleValue();
            if (number == 1) {
                return Result.of(true);
            }
            if (number == 0) {
                return Result.of(false);
            }
        }
        return Result.error(NOT_A_BOOLEAN);
    }

    /** DRF's ChoiceField: the value's {@code str()} must be one of the choices. */
    private static Result<String> choice(JsonNode value, java.util.function.Predicate<String> isChoice) {
        if (value.isNull()) {
            return Result.error(NULL);
        }
        String text = PythonText.str(value);
        return isChoice.test(text) ? Result.of(text) : Result.error("\"" + text + "\" is not a valid choice.");
    }

    /** A field's value or its error messages. */
    private record Result<T>(T value, List<String> errors) {

        static <T> Result<T> of(T value) {
            return new Result<>(value, List.of());
        }

        static <T> Result<T> error(String message) {
            return new Result<>(null, List.of(message));
        }
    }

    /** Reads fields one by one, collecting errors in field order. */
    private static final class Fields {

        private final boolean form;
        private final boolean partial;
        private final Map<String, List<String>> errors = new LinkedHashMap<>();

        Fields(boolean form, boolean partial) {
            this.form = form;
            this.partial = partial;
        }

        /** The field's value, or null when absent (or invalid, with its errors recorded). */
        <T> T read(String name, JsonNode raw, boolean required, Function<JsonNode, Result<T>> parse) {
            JsonNode value = form ? fromForm(name, raw, required) : raw;
            if (value == null) {
                if (required && !partial) {
                    errors.put(name, List.of(REQUIRED));
                }
                return null;
            }
            Result<T> result = parse.apply(value);
            if (!result.errors().isEmpty()) {
                errors.put(name, result.errors());
            }
            return result.value();
        }

        /**
         * How DRF reads an HTML form field: a missing checkbox means false (except in a PATCH), and an empty
         * optional field counts as not given unless blank text is allowed.
         */
        private JsonNode fromForm(String name, JsonNode raw, boolean required) {
            if (raw == null) {
                return !partial && name.equals("linenos") ? BooleanNode.FALSE : null;
            }
            if (raw.isString() && raw.stringValue().isEmpty() && !required) {
                return name.equals("title") ? StringNode.valueOf("") : null;
            }
            return raw;
        }
    }
}
