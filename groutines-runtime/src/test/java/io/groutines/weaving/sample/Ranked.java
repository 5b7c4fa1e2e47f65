package io.groutines.weaving.sample;

import java.util.function.IntSupplier;

/**
 * A class with compiler-made (synthetic) methods: the bridge {@code compareTo(Object)} that {@code Comparable}
 * callers reach, and a lambda body.
 */
public class Ranked implements Comparable<Ranked> {

    private final int rank;

    public Ranked(int rank) {
        this.rank = rank;
    }

    @Override
    public int compareTo(Ranked other) {
        return Integer.compare(rank, other.rank);
    }

    public int doubled() {
        IntSupplier twice = () -> rank * 2;
        return twice.getAsInt();
    }
}
