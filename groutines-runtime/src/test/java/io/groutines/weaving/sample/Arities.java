package io.groutines.weaving.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A woven method of every arity the aspects tell apart, instance ({@code i0} to {@code i10}) and static
 * ({@code s0} to {@code s10}): up to eight parameters, each bound one by one by its own around advice of
 * {@code WovenCalls}; nine and ten, through {@code WideCalls}. Parameters alternate {@code int} and {@code String},
 * so that both boxed and reference arguments go through each advice. Each returns its name and its arguments, and
 * records that it ran; each throws {@link #failure} instead when one is set.
 */
public final class Arities {

    /** What the bodies ran with, in order: {@code "i2[1000, a1]"}. */
    public static final List<String> RAN = new ArrayList<>();

    /** When set, every body throws it instead of returning. */
    public static RuntimeException failure;

    /** The highest arity here. */
    public static final int MAX = 10;

    private static String ran(String name, Object... args) {
        if (failure != null) {
            throw failure;
        }
        String result = name + Arrays.toString(args);
        RAN.add(result);
        return result;
    }

    public String i0() {
        return ran("i0");
    }

    public String i1(int p0) {
        return ran("i1", p0);
    }

    public String i2(int p0, String p1) {
        return ran("i2", p0, p1);
    }

    public String i3(int p0, String p1, int p2) {
        return ran("i3", p0, p1, p2);
    }

    public String i4(int p0, String p1, int p2, String p3) {
        return ran("i4", p0, p1, p2, p3);
    }

    public String i5(int p0, String p1, int p2, String p3, int p4) {
        return ran("i5", p0, p1, p2, p3, p4);
    }

    public String i6(int p0, String p1, int p2, String p3, int p4, String p5) {
        return ran("i6", p0, p1, p2, p3, p4, p5);
    }

    public String i7(int p0, String p1, int p2, String p3, int p4, String p5, int p6) {
        return ran("i7", p0, p1, p2, p3, p4, p5, p6);
    }

    public String i8(int p0, String p1, int p2, String p3, int p4, String p5, int p6, String p7) {
        return ran("i8", p0, p1, p2, p3, p4, p5, p6, p7);
    }

    public String i9(int p0, String p1, int p2, String p3, int p4, String p5, int p6, String p7, int p8) {
        return ran("i9", p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    public String i10(int p0, String p1, int p2, String p3, int p4, String p5, int p6, String p7, int p8, String p9) {
        return ran("i10", p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
    }

    public static String s0() {
        return ran("s0");
    }

    public static String s1(int p0) {
        return ran("s1", p0);
    }

    public static String s2(int p0, String p1) {
        return ran("s2", p0, p1);
    }

    public static String s3(int p0, String p1, int p2) {
        return ran("s3", p0, p1, p2);
    }

    public static String s4(int p0, String p1, int p2, String p3) {
        return ran("s4", p0, p1, p2, p3);
    }

    public static String s5(int p0, String p1, int p2, String p3, int p4) {
        return ran("s5", p0, p1, p2, p3, p4);
    }

    public static String s6(int p0, String p1, int p2, String p3, int p4, String p5) {
        return ran("s6", p0, p1, p2, p3, p4, p5);
    }

    public static String s7(int p0, String p1, int p2, String p3, int p4, String p5, int p6) {
        return ran("s7", p0, p1, p2, p3, p4, p5, p6);
    }

    public static String s8(int p0, String p1, int p2, String p3, int p4, String p5, int p6, String p7) {
        return ran("s8", p0, p1, p2, p3, p4, p5, p6, p7);
    }

    public static String s9(int p0, String p1, int p2, String p3, int p4, String p5, int p6, String p7, int p8) {
        return ran("s9", p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    public static String s10(int p0, String p1, int p2, String p3, int p4, String p5, int p6, String p7, int p8,
            String p9) {
        return ran("s10", p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
    }
}
