package io.groutines.weaving.sample;

/** A woven class whose woven method calls another woven class: the caller of that call is this one's code. */
public class Concierge {

    public String welcome(Greeter greeter, String name) {
        return greeter.greet(name);
    }
}
