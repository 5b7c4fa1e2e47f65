package io.groutines.weaving.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A bean-like class in the weave scope of the integration tests. */
public class Greeter {

    /** What the methods did, to prove whether an original ran. */
    public final List<String> log = new ArrayList<>();

    public String greet(String name) {
        log.add("greet " + name);
        return "Hello, " + name;
    }

    public int add(int a, int b) {
        log.add("add");
        return a + b;
    }

    public void remember(String what) {
        log.add(what);
    }

    public String load(String name) throws IOException {
        log.add("load " + name);
        throw new IOException("no such file: " + name);
    }

    public static String shout(String text) {
        return text.toUpperCase();
    }

    public String join(String a, String b, String c, String d, String e, String f, String g, String h, String i) {
        log.add("join");
        return a + b + c + d + e + f + g + h + i;
    }

    public long sum(long a, long b, long c, long d, long e, long f, long g, long h) {
        return a + b + c + d + e + f + g + h;
    }
}
