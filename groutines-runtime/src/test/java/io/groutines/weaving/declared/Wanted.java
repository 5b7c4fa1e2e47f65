package io.groutines.weaving.declared;

/** Outside the agent argument's scope: woven only because a groutine class lists it in its weave attribute. */
public class Wanted {

    public String name() {
        return "wanted";
    }
}
