package io.groutines.weaving.cached;

/** A method with nine parameters: AspectJ generates a closure class for it, which the cache must keep too. */
public class Wide {

    public int sum(int a, int b, int c, int d, int e, int f, int g, int h, int i) {
        return a + b + c + d + e + f + g + h + i;
    }
}
