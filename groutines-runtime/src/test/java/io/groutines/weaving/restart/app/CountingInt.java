package io.groutines.weaving.restart.app;

import org.apache.commons.lang3.mutable.MutableInt;

/** An application class that overrides a library method: woven, so its execution is what dispatches its calls. */
public class CountingInt extends MutableInt {

    private static final long serialVersionUID = 1L;

    private int additions;

    public CountingInt(int value) {
        super(value);
    }

    @Override
    public int addAndGet(int operand) {
        additions++;
        return super.addAndGet(operand);
    }

    public int additions() {
        return additions;
    }
}
