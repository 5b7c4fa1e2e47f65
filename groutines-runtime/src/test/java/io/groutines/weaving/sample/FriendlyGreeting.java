package io.groutines.weaving.sample;

/** Implements {@link Greeting}; a target named on the interface sees its calls. */
public class FriendlyGreeting implements Greeting {

    @Override
    public String greet(String name) {
        return "Hi " + name;
    }
}
