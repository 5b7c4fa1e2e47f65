package io.groutines.weaving.early;

import java.util.function.Supplier;

/** Loaded before the self-attached weaver starts, so never woven. */
public class Early implements Supplier<String> {

    @Override
    public String get() {
        return "early";
    }
}
