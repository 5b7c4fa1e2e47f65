package io.groutines.demo.snippets;

import java.util.List;
import java.util.Map;

/**
 * A request body read as the tutorial's serializer reads it: either the changes to make or the errors,
 * field by field in the serializer's field order.
 */
public record SnippetInput(SnippetChanges changes, Map<String, List<String>> errors) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
