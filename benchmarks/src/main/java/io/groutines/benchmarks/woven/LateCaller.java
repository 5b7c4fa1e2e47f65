package io.groutines.benchmarks.woven;

import java.util.function.IntBinaryOperator;

import io.groutines.benchmarks.plain.Adder;

/**
 * Benchmark subject for call sites, loaded after that decision: its call of {@code plain.Adder.add} is woven (a watched call site). Keep EarlyCaller and LateCaller identical: only when they load differs.
 */
public class LateCaller implements IntBinaryOperator {

    private final Adder adder;

    public LateCaller(Adder adder) {
        this.adder = adder;
    }

    @Override
    public int applyAsInt(int a, int b) {
        return adder.add(a, b);
    }
}
