package io.groutines.weaving.declared;

/** Outside the agent argument's scope: woven only because a declared trigger names it. */
public class Counter {

    private int count;

    public int increment() {
        return ++count;
    }
}
