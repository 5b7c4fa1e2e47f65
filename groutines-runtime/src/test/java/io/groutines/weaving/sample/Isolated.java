package io.groutines.weaving.sample;

/** A class of the weave scope that one test defines in a class loader that cannot see the groutines aspects. */
public class Isolated {

    public String run() {
        return "ran";
    }
}
