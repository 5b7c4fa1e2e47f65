package io.groutines.weaving.unscoped;

/** Outside the weave scope of the integration tests. */
public class Plain {

    public String run() {
        return "plain";
    }
}
