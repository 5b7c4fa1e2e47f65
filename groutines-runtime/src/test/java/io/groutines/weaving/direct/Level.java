package io.groutines.weaving.direct;

/** An enum: its compiler-written {@code values()} and {@code valueOf}, and a method of its own. */
public enum Level {

    LOW, HIGH;

    public int weight() {
        return ordinal() * 10;
    }
}
