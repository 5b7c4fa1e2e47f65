package io.groutines;

import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The waiters of one hub, filed by callable name and event name, and the matching of calls and events against the
 * hubs bound to a thread. A dispatch walks the thread's bindings once, claims every waiter that matches (so that no
 * other thread or later dispatch resumes it), and resumes the claimed strands in the order they started waiting.
 *
 * <p>The tables are guarded by a {@link ReentrantLock}, never a monitor: a strand must never suspend under a monitor,
 * and the lock is never held while a strand runs. Several threads of one request may dispatch into one hub at the same
 * time; each waiter goes to the first dispatch that claims it.
 */
final class Dispatcher {

    /** Orders waiters across the hubs of a thread: the order they were published. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Calls and events handed to strands, in the whole JVM. */
    static final LongAdder DISPATCHED = new LongAdder();

    private final ReentrantLock lock = new ReentrantLock();

    private final Map<String, List<Waiter>> calls = new HashMap<>();

    private final Map<String, List<Waiter>> events = new HashMap<>();

    /** Call waiters in the tables, read without the lock so that a hub nobody listens in costs no locking. */
    private volatile int callWaiters;

    private volatile int eventWaiters;

    private boolean closed;

    boolean register(Waiter waiter) {
        lock.lock();
        try {
            if (closed) {
                waiter.state = Waiter.State.CANCELLED;
                return false;
            }
            waiter.sequence = SEQUENCE.incrementAndGet();
            waiter.state = Waiter.State.REGISTERED;
            boolean call = waiter.kind == Waiter.Kind.CALL;
            (call ? calls : events).computeIfAbsent(waiter.key(), k -> new ArrayList<>(2)).add(waiter);
            if (call) {
                callWaiters++;
                Interception.arm(waiter.key());
            }
            else {
                eventWaiters++;
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    boolean claim(Waiter waiter) {
        lock.lock();
        try {
            if (waiter.state != Waiter.State.REGISTERED) {
                return false;
            }
            Map<String, List<Waiter>> table = waiter.kind == Waiter.Kind.CALL ? calls : events;
            List<Waiter> list = table.get(waiter.key());
            list.remove(waiter);
            if (list.isEmpty()) {
                table.remove(waiter.key());
            }
            taken(waiter);
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** Called under the lock for a waiter just removed from its table. */
    private void taken(Waiter waiter) {
        waiter.state = Waiter.State.CLAIMED;
        if (waiter.kind == Waiter.Kind.CALL) {
            callWaiters--;
            Interception.disarm(waiter.key());
        }
        else {
            eventWaiters--;
        }
    }

    /**
     * Refuses every later registration and claims the current ones, so that the closing hub, and nobody else, ends
     * their strands: a waiter registered by a strand that its hub's kill loop found running elsewhere is handed over
     * here, never dropped.
     * @return the waiters claimed, in the order they were published; empty when closed already
     */
    List<Waiter> close() {
        lock.lock();
        try {
            if (closed) {
                return List.of();
            }
            closed = true;
            List<Waiter> left = new ArrayList<>();
            for (Map<String, List<Waiter>> table : List.of(calls, events)) {
                for (List<Waiter> list : table.values()) {
                    for (Waiter waiter : list) {
                        taken(waiter);
                        left.add(waiter);
                    }
                }
                table.clear();
            }
            left.sort(Comparator.comparingLong(w -> w.sequence));
            return left;
        }
        finally {
            lock.unlock();
        }
    }

    // ---- dispatch ---------------------------------------------------------------------------------------------

    /**
     * ENTER: one pass over the hubs bound to the thread: claims the waiters of the callable at ENTER and notes whether
     * any waits for its EXIT; resumes the claimed ones with the invocation.
     * @return the invocation, or {@code null} when no strand of these hubs waits for the callable at all
     */
    static Invocation enter(Binding innermost, Executable callable, Object receiver, Executable invoked,
            Object proxy, Object[] args, boolean replaceable) {
        Binding b = innermost;
        while (b != null && b.hub.dispatcher.callWaiters == 0) {
            b = b.outer;
        }
        if (b == null) {
            return null; // armed by another thread's hubs: this one costs no allocation and no lock
        }
        Invocation.Callee callee = new Invocation.Callee(callable, receiver, invoked, proxy);
        Claims claims = new Claims();
        boolean exitListened = false;
        String key = Target.key(callable);
        for (; b != null; b = b.outer) {
            Dispatcher d = b.hub.dispatcher;
            if (d.callWaiters != 0) {
                exitListened |= d.claimCalls(key, callee, Phase.ENTER, claims);
            }
        }
        if (claims.isEmpty() && !exitListened) {
            return null;
        }
        Invocation invocation = new Invocation(innermost, callee, args, replaceable);
        claims.resume(invocation);
        return invocation;
    }

    /** EXIT: claims and resumes the waiters of the invocation's callable at EXIT, in the hubs bound at its ENTER. */
    static void exit(Invocation invocation) {
        Claims claims = new Claims();
        String key = Target.key(invocation.callee.callable());
        for (Binding b = invocation.binding; b != null; b = b.outer) {
            Dispatcher d = b.hub.dispatcher;
            if (d.callWaiters != 0) {
                d.claimCalls(key, invocation.callee, Phase.EXIT, claims);
            }
        }
        claims.resume(invocation);
    }

    /**
     * Claims the waiters of the event in the hubs bound to the thread and resumes them, each until it next suspends.
     * @return how many were resumed
     */
    static int fire(Binding innermost, String event, Object[] data) {
        Claims claims = new Claims();
        for (Binding b = innermost; b != null; b = b.outer) {
            Dispatcher d = b.hub.dispatcher;
            if (d.eventWaiters != 0) {
                d.claimEvents(event, claims);
            }
        }
        return claims.resume(data);
    }

    /** @return whether a waiter of the callable at the other phase was seen (only asked at ENTER) */
    private boolean claimCalls(String key, Invocation.Callee callee, Phase phase, Claims claims) {
        boolean otherPhase = false;
        lock.lock();
        try {
            List<Waiter> list = calls.get(key);
            if (list == null) {
                return false;
            }
            for (Iterator<Waiter> it = list.iterator(); it.hasNext();) {
                Waiter waiter = it.next();
                if (!waiter.matches(callee)) {
                    continue;
                }
                if (waiter.phase != phase) {
                    otherPhase = true;
                    continue;
                }
                it.remove();
                taken(waiter);
                claims.add(waiter, this);
            }
            if (list.isEmpty()) {
                calls.remove(key);
            }
        }
        finally {
            lock.unlock();
        }
        return otherPhase;
    }

    private void claimEvents(String event, Claims claims) {
        lock.lock();
        try {
            List<Waiter> list = events.remove(event);
            if (list != null) {
                for (Waiter waiter : list) {
                    taken(waiter);
                    claims.add(waiter, this);
                }
            }
        }
        finally {
            lock.unlock();
        }
    }
}
