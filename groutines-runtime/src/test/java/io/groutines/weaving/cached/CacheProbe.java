package io.groutines.weaving.cached;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.Weaving;

/**
 * The main class of the child JVMs of {@code WeaveCacheIT}: calls its classes as they are, then with groutines that
 * replace their results (which only woven code lets them do), and prints what it saw, one {@code key=value} a line.
 */
public final class CacheProbe {

    private CacheProbe() {
    }

    public static void main(String[] args) {
        System.out.println("plain=" + new Tally().next() + "," + new Wide().sum(1, 1, 1, 1, 1, 1, 1, 1, 1));
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(Tally.class, "next").await(Phase.EXIT).replaceResult(42));
            hub.spawn(() -> FunctionCall.of(Wide.class, "sum").await(Phase.EXIT).replaceResult(99));
            System.out.println("patched=" + new Tally().next() + "," + new Wide().sum(1, 1, 1, 1, 1, 1, 1, 1, 1));
        }
        catch (RuntimeException ex) {
            System.out.println("patched=" + ex);
        }
        long[] counts = Weaving.counts();
        System.out.println("woven=" + counts[0]);
        System.out.println("failed=" + counts[1]);
        System.out.println("cached=" + counts[2]);
        System.out.println("status=" + Weaving.status(Tally.class) + "," + Weaving.status(Wide.class));
        System.out.println("cache=" + Weaving.cache());
    }
}
