package io.groutines.benchmarks.plain;

/** Benchmark subject outside the weave scope: the unwoven baseline. Keep the two Adder classes identical: only the weaving differs. */
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
