package io.groutines.weaving.early;

import java.util.function.Supplier;

/** Loaded after the self-attached weaver starts, so woven. */
public class Late implements Supplier<String> {

    @Override
    public String get() {
        return "late";
    }
}
