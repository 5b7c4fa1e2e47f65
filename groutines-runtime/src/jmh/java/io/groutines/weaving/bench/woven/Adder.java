package io.groutines.weaving.bench.woven;

/** Benchmark subject; the woven copy is in the weave scopewoven. */
public class Adder {

    private final int base;

    public Adder(int base) {
        this.base = base;
    }

    public int add(int a, int b) {
        return base + a + b;
    }

    public String longer(String a, String b) {
        return a.length() >= b.length() ? a : b;
    }
}
