package io.groutines.boot.propagation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.groutines.Binding;
import io.groutines.RequiredJdk;
import io.groutines.Hub;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * The hubs bound to a thread, for Micrometer's context propagation: captured where work is handed to another thread
 * (a task submitted to a Spring executor, an {@code @Async} method, an MVC {@code Callable}), bound on the thread that
 * runs it while it runs, unbound after. A hub that is closed by then (its request completed) is not bound: work that
 * starts after its request sees no groutines of it.
 *
 * <p>Micrometer loads it ({@code META-INF/services}) in any application that contains the starter and propagates
 * context, on any JDK: on a JDK older than groutines need ({@link RequiredJdk}) it captures nothing and touches no
 * hub, whose class is Java 25's.
 */
public final class HubThreadLocalAccessor implements ThreadLocalAccessor<List<Hub>> {

    /** The key of the hubs in a context snapshot. */
    public static final String KEY = "io.groutines.hub";

    /** Whether hubs can exist in this JVM. */
    private static final boolean HUBS = RequiredJdk.isMet();

    /** What each {@link #setValue} bound on this thread, so that the matching restore unbinds exactly that. */
    private static final ThreadLocal<Deque<List<Binding>>> BOUND_HERE = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public List<Hub> getValue() {
        if (!HUBS) {
            return null;
        }
        List<Hub> hubs = Hub.bound().stream().filter(Hub::isOpen).toList();
        return hubs.isEmpty() ? null : hubs;
    }

    @Override
    public void setValue(List<Hub> hubs) {
        List<Binding> bindings = new ArrayList<>(hubs.size());
        // outermost first, so that the innermost ends up innermost here too
        for (int i = hubs.size() - 1; i >= 0; i--) {
            Hub hub = hubs.get(i);
            if (hub.isOpen() && !hub.isBoundHere()) {
                try {
                    bindings.add(hub.bind());
                }
                catch (IllegalStateException closedMeanwhile) {
                    // closed between the check and the bind: its request is over
                }
            }
        }
        BOUND_HERE.get().push(bindings);
    }

    @Override
    public void setValue() {
        BOUND_HERE.get().push(List.of());
    }

    @Override
    public void restore(List<Hub> previousValue) {
        restore();
    }

    @Override
    public void restore() {
        Deque<List<Binding>> stack = BOUND_HERE.get();
        List<Binding> bindings = stack.isEmpty() ? List.of() : stack.pop();
        for (int i = bindings.size() - 1; i >= 0; i--) {
            bindings.get(i).close();
        }
        if (stack.isEmpty()) {
            BOUND_HERE.remove();
        }
    }
}
