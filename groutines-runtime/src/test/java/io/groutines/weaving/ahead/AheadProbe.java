package io.groutines.weaving.ahead;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.Weaving;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of the child JVMs of {@code WeaveAheadIT}. Its application has classes {@code Unit0} to
 * {@code UnitN-1} beside it (written by the test), each with {@code int value()} returning its number and a
 * nine-parameter {@code long sum(...)}, whose around advice AspectJ weaves with a closure class. With {@code wait},
 * it waits for the weaver's own thread to end before it loads them; with {@code race}, {@code THREADS} threads load
 * them all at once, each in its own order, while that thread runs. Then every unit's calls are made plain and patched
 * (only woven code lets a groutine replace a result) and what was seen is printed, one {@code key=value} a line.
 */
public final class AheadProbe {

    private AheadProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int units = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Thread ahead = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("groutines-weave-ahead")).findFirst().orElse(null);
        System.out.println("aheadThread=" + (ahead != null));
        if (mode.equals("wait") && ahead != null) {
            ahead.join(60_000);
        }
        Class<?>[] classes = new Class<?>[units];
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> loaders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * units / threads;
            loaders.add(new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < units; i++) {
                        int unit = (first + i) % units;
                        Class<?> type = Class.forName(AheadProbe.class.getPackageName() + ".Unit" + unit, true,
                                AheadProbe.class.getClassLoader());
                        synchronized (classes) {
                            classes[unit] = type;
                        }
                    }
                }
                catch (Throwable ex) {
                    errors.add(ex);
                }
            }));
        }
        loaders.forEach(Thread::start);
        go.countDown();
        for (Thread loader : loaders) {
            loader.join();
        }
        System.out.println("loadErrors=" + errors);
        int plain = 0;
        int patched = 0;
        int statusWoven = 0;
        int marked = 0;
        for (Class<?> type : classes) {
            if (java.util.Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals("marker"))) {
                marked++; // added by another agent (WeaveAheadIT's)
            }
            Object unit = type.getConstructor().newInstance();
            Method value = type.getMethod("value");
            Method sum = type.getMethod("sum", long.class, long.class, long.class, long.class, long.class, long.class,
                    long.class, long.class, long.class);
            int number = (int) value.invoke(unit);
            long nine = (long) sum.invoke(unit, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
            if (nine == 9 + number) {
                plain++;
            }
            try (Hub hub = Hub.open()) {
                hub.spawn(() -> FunctionCall.of(type, "value").await(Phase.EXIT).replaceResult(-1));
                hub.spawn(() -> FunctionCall.of(type, "sum").await(Phase.EXIT).replaceResult(-9L));
                if ((int) value.invoke(unit) == -1 && (long) sum.invoke(unit, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L) == -9L) {
                    patched++;
                }
            }
            if (Weaving.status(type) == Weaving.Status.WOVEN) {
                statusWoven++;
            }
        }
        long[] counts = Weaving.counts();
        System.out.println("plain=" + plain);
        System.out.println("patched=" + patched);
        System.out.println("statusWoven=" + statusWoven);
        System.out.println("marked=" + marked);
        System.out.println("woven=" + counts[0]);
        System.out.println("failed=" + counts[1]);
        System.out.println("cached=" + counts[2]);
        System.out.println("ahead=" + counts[3]);
    }
}
