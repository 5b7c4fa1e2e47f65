package io.groutines.weaving.sample;

/** A woven method that callers invoke inside their own {@code synchronized} blocks. */
public final class Ledger {

    private long entries;

    public void add(long amount) {
        this.entries += amount;
    }

    public long entries() {
        return this.entries;
    }
}
