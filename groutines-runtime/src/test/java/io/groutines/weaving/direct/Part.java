package io.groutines.weaving.direct;

import java.util.List;

/** A record: canonical constructor, accessors, and the methods the compiler writes for it. */
public record Part(String name, List<String> tags) {

    public Part {
        tags = List.copyOf(tags);
    }

    public String label() {
        return this.name + this.tags;
    }
}
