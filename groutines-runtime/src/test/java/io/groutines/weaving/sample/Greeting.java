package io.groutines.weaving.sample;

/** An interface whose implementations are in the weave scope. */
public interface Greeting {

    String greet(String name);
}
