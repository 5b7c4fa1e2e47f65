package io.groutines.benchmarks.woven;

/** Benchmark subject in the weave scope (the agent is given io.groutines.benchmarks.woven..*). Keep the two Adder classes identical: only the weaving differs. */
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

    /** Eight parameters: the widest method whose around advice binds its arguments one by one. */
    public long sum8(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7) {
        return base + a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    /** Nine parameters: the narrowest method whose calls go through the generic routine of the protocol. */
    public long sum9(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8) {
        return base + a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8;
    }
}
