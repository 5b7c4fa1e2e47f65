package io.groutines.weaving.sample.excluded;

/** In a package the weave scope includes and excludes (-Dgroutines.weave.exclude): never woven. */
public class Hidden {

    public String show() {
        return "hidden";
    }
}
