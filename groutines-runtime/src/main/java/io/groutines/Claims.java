package io.groutines;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The waiters one dispatch claimed, across the hubs bound to a thread, resumed in the order they started waiting
 * (the common case, one waiter, needs no array). When a resumed strand throws, the ones after it were claimed but
 * not resumed: they are published again, and keep waiting.
 */
final class Claims {

    private Waiter first;

    private Waiter[] more;

    private int count;

    private Dispatcher firstFrom;

    private boolean severalHubs;

    boolean isEmpty() {
        return count == 0;
    }

    void add(Waiter waiter, Dispatcher from) {
        if (count == 0) {
            first = waiter;
            firstFrom = from;
        }
        else {
            if (more == null) {
                more = new Waiter[4];
                more[0] = first;
            }
            else if (count == more.length) {
                more = Arrays.copyOf(more, count * 2);
            }
            more[count] = waiter;
            severalHubs |= from != firstFrom;
        }
        count++;
    }

    int resume(Object value) {
        if (count == 0) {
            return 0;
        }
        if (count == 1) {
            resumeOne(first, value);
            return 1;
        }
        if (severalHubs) {
            Arrays.sort(more, 0, count, Comparator.comparingLong(w -> w.sequence));
        }
        int i = 0;
        try {
            for (; i < count; i++) {
                resumeOne(more[i], value);
            }
        }
        catch (Throwable ex) {
            // an exception escaped a strand: the ones after it were claimed but not resumed, so they wait on (or end,
            // when their hub closed meanwhile)
            Throwable failure = ex;
            for (int j = i + 1; j < count; j++) {
                try {
                    more[j].strand.waitAgain(more[j]);
                }
                catch (Throwable dying) {
                    failure = Sneaky.keepFirst(failure, dying);
                }
            }
            throw Sneaky.rethrow(failure);
        }
        return count;
    }

    private static void resumeOne(Waiter waiter, Object value) {
        Dispatcher.DISPATCHED.increment();
        if (value instanceof Invocation invocation) {
            invocation.handledBy(waiter);
        }
        waiter.strand.resumeClaimed(waiter, value);
    }
}
