package io.groutines;

/** An interface whose method groutines can name, to reach every implementation. */
interface Greeting {

    String greet(String name);
}
