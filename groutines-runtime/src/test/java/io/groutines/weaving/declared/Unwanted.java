package io.groutines.weaving.declared;

/** Named by nobody: stays unwoven. */
public class Unwanted {

    public String name() {
        return "unwanted";
    }
}
