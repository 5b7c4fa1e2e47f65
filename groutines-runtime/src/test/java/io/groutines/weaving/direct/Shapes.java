package io.groutines.weaving.direct;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Methods and constructors of the shapes applications write, for {@code DirectWeaverTest}. */
public class Shapes extends Base {

    private final long seed;

    public Shapes(long seed) {
        super(new Part("p" + seed, seed > 0 ? new ArrayList<>() : List.of()));
        this.seed = seed;
    }

    public Shapes(String refused) {
        super(new Part(refused, List.of()));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("refused " + refused);
        }
        this.seed = 0;
    }

    public synchronized long add(int a, long b) {
        return this.seed + a + b;
    }

    public double mix(double d, float f, char c, boolean z, byte b, short s) {
        return d + f + c + (z ? 1 : 0) + b + s;
    }

    public static String join(String... parts) {
        return String.join("+", parts);
    }

    @Deprecated(since = "test")
    public <T extends Comparable<T>> List<T> sorted(List<T> in) throws IOException {
        if (in == null) {
            throw new IOException("no list");
        }
        List<T> out = new ArrayList<>(in);
        Collections.sort(out);
        return out;
    }

    private int hidden(int x) {
        return x * 2;
    }

    public int callsHidden(int x) {
        return hidden(x) + 1;
    }

    public String nine(int a, int b, int c, int d, int e, int f, int g, int h, int i) {
        return "" + a + b + c + d + e + f + g + h + i;
    }

    public int[] array(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    public void nothing() {
    }

    @Override
    public String describe() {
        return "shapes over " + super.describe();
    }

    public long seed() {
        return this.seed;
    }

    /** Returns as many ways as it has. */
    public String branches(int x) {
        try {
            if (x < 0) {
                return "negative";
            }
            switch (x) {
                case 0:
                    return "zero";
                case 1:
                    throw new IllegalStateException("one");
                default:
                    return "many";
            }
        }
        catch (IllegalStateException ex) {
            return "caught " + ex.getMessage();
        }
    }
}
