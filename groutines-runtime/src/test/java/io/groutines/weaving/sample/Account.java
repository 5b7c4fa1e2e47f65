package io.groutines.weaving.sample;

/** A class with final fields: around advice on its constructor would break it on JDK 25. */
public final class Account {

    private final String owner;

    private final long cents;

    public Account(String owner, long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("negative balance: " + cents);
        }
        this.owner = owner;
        this.cents = cents;
    }

    public String owner() {
        return owner;
    }

    public long cents() {
        return cents;
    }
}
