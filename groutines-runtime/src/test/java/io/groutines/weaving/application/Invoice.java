package io.groutines.weaving.application;

/** A class of the application's own code that nothing names: no agent argument, no trigger, no include. */
public class Invoice {

    private final int cents;

    public Invoice(int cents) {
        this.cents = cents;
    }

    public int total() {
        return cents;
    }
}
