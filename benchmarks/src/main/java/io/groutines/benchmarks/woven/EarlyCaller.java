package io.groutines.benchmarks.woven;

import java.util.function.IntBinaryOperator;

import io.groutines.benchmarks.plain.Adder;

/**
 * Benchmark subject for call sites, loaded before the decision that watches {@code plain.Adder.add}: its call is not woven, the baseline. Keep EarlyCaller and LateCaller identical: only when they load differs.
 */
public class EarlyCaller implements IntBinaryOperator {

    private final Adder adder;

    public EarlyCaller(Adder adder) {
        this.adder = adder;
    }

    @Override
    public int applyAsInt(int a, int b) {
        return adder.add(a, b);
    }
}
