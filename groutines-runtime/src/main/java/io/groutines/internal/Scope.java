package io.groutines.internal;

import io.groutines.Phase;

import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machinery of one hub: its tasks, what they wait for, and the dispatch of calls and events to them. A scope
 * is bound to at most one thread at a time; while bound, calls and events on that thread reach its waiters.
 * Scopes bound on one thread nest: dispatch consults the innermost one and then those it was bound over.
 * Internal; the API is {@code io.groutines.Hub}.
 *
 * <p>One thread uses a scope at a time (a request may move between threads, one after another); only
 * {@link #tasks()}, {@link #isOpen()} and {@link #boundThread()} may be read from other threads, for monitoring.
 */
public final class Scope {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private static final AtomicLong IDS = new AtomicLong();

    /** Counters for the whole JVM, for monitoring. */
    private static final LongAdder OPEN = new LongAdder();

    private static final LongAdder LIVE_TASKS = new LongAdder();

    private static final LongAdder DISPATCHED = new LongAdder();

    /** Orders waiters across the nested scopes of a thread: the order they started waiting. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long id = IDS.incrementAndGet();

    private final String name;

    /** Copy-on-write: monitoring (the actuator endpoint) reads it from other threads. */
    private final List<Task> tasks = new CopyOnWriteArrayList<>();

    private final Map<String, List<Waiter>> calls = new HashMap<>();

    private final Map<String, List<Waiter>> events = new HashMap<>();

    private volatile Thread boundThread;

    private Scope boundOver;

    private volatile boolean closed;

    private Object handle;

    private Scope(String name) {
        this.name = name;
        OPEN.increment();
    }

    /**
     * Creates an unbound scope.
     * @param name for messages and monitoring
     * @return the scope
     */
    public static Scope create(String name) {
        Continuations.require();
        return new Scope(name);
    }

    /** @return the innermost scope bound to the calling thread, or {@code null} */
    public static Scope current() {
        return CURRENT.get();
    }

    /** @return scopes created and not closed, in the whole JVM */
    public static long openCount() {
        return OPEN.sum();
    }

    /** @return tasks spawned and not ended, in the whole JVM */
    public static long liveTaskCount() {
        return LIVE_TASKS.sum();
    }

    /** @return calls and events handed to a task so far, in the whole JVM */
    public static long dispatchedCount() {
        return DISPATCHED.sum();
    }

    /** @return the name given at creation */
    public String name() {
        return name;
    }

    /** @return a number unique in this JVM */
    public long id() {
        return id;
    }

    /** @return the API object attached to this scope, or {@code null} */
    public Object handle() {
        return handle;
    }

    /**
     * Attaches the API object that stands for this scope.
     * @param handle the handle
     */
    public void attach(Object handle) {
        this.handle = handle;
    }

    /** @return whether {@link #close()} has not run yet */
    public boolean isOpen() {
        return !closed;
    }

    /** @return the thread the scope is bound to, or {@code null} */
    public Thread boundThread() {
        return boundThread;
    }

    /** @return the tasks that have not ended, in spawn order */
    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    /**
     * Binds the scope to the calling thread, over whatever scope was bound there.
     * @throws IllegalStateException when the scope is closed or bound to a thread already
     */
    public void bind() {
        if (closed) {
            throw new IllegalStateException("Hub '" + name + "' is closed and cannot be bound");
        }
        Thread thread = Thread.currentThread();
        if (boundThread != null) {
            throw new IllegalStateException("Hub '" + name + "' is bound to thread '" + boundThread.getName()
                    + "' already; unbind it there first (a hub serves one thread at a time)");
        }
        boundOver = CURRENT.get();
        boundThread = thread;
        CURRENT.set(this);
    }

    /**
     * Unbinds the scope from the calling thread, restoring the scope it was bound over. When nothing was, the
     * thread is left with no trace of groutines (its thread local is removed, not set to {@code null}).
     * @throws IllegalStateException when the scope is not the innermost one bound to the calling thread
     */
    public void unbind() {
        if (boundThread != Thread.currentThread() || CURRENT.get() != this) {
            throw new IllegalStateException("Hub '" + name + "' is not the innermost hub bound to thread '"
                    + Thread.currentThread().getName() + "'; unbind hubs in the reverse order of binding");
        }
        Scope over = boundOver;
        boundOver = null;
        boundThread = null;
        if (over == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(over);
        }
    }

    /**
     * Spawns a task and runs it on the calling thread until it first suspends or ends.
     * @param taskName for messages and monitoring
     * @param body the groutine's code
     * @return the task
     * @throws IllegalStateException when the scope is closed
     */
    public Task spawn(String taskName, Runnable body) {
        if (closed) {
            throw new IllegalStateException("Hub '" + name + "' is closed: groutine '" + taskName + "' cannot be spawned in it");
        }
        Task task = new Task(this, taskName, body);
        tasks.add(task);
        LIVE_TASKS.increment();
        task.start();
        return task;
    }

    /** Called by a task whose body has ended. */
    void ended(Task task) {
        if (tasks.remove(task)) {
            LIVE_TASKS.decrement();
        }
    }

    /**
     * Kills every task (the newest first, each running its {@code finally} blocks now), forgets every waiter and
     * unbinds the scope from the calling thread if it is bound there. Closing a closed scope does nothing.
     * Exceptions thrown by dying tasks are rethrown after all tasks are dead, the first with the rest suppressed.
     */
    public void close() {
        if (closed) {
            return;
        }
        Throwable failure = null;
        // bind while killing, so that finally blocks that fire events or make calls see this scope
        boolean bindHere = boundThread == null;
        if (bindHere) {
            bind();
        }
        try {
            for (int i = tasks.size() - 1; i >= 0; i = Math.min(i - 1, tasks.size() - 1)) {
                Task task = tasks.get(i);
                try {
                    task.kill("was killed: its hub '" + name + "' closed");
                }
                catch (Throwable ex) {
                    if (failure == null) {
                        failure = ex;
                    }
                    else {
                        failure.addSuppressed(ex);
                    }
                }
            }
        }
        finally {
            closed = true;
            for (List<Waiter> list : calls.values()) {
                for (Waiter w : list) {
                    w.registered = false;
                    Interception.disarm();
                }
            }
            calls.clear();
            events.clear();
            LIVE_TASKS.add(-tasks.size());
            tasks.clear();
            OPEN.decrement();
            if (boundThread == Thread.currentThread() && CURRENT.get() == this) {
                unbind();
            }
        }
        if (failure != null) {
            throw Sneaky.rethrow(failure);
        }
    }

    // ---- waiting ----------------------------------------------------------------------------------------------

    /**
     * Suspends the calling task until the target is called at the phase (on the instance, if given).
     * @return the call, as seen through the waiter's argument names
     */
    public static CallView awaitCall(Target target, Object instance, Phase phase, String[] argNames) {
        Task task = requireTask("FunctionCall(" + target.path() + ").await()");
        Waiter waiter = Waiter.call(task, target, instance, phase, argNames);
        task.scope().register(waiter);
        return (CallView) task.suspend(waiter);
    }

    /**
     * Suspends the calling task until the event is fired in its scope.
     * @return the event's data
     */
    public static Object[] awaitEvent(String event) {
        Task task = requireTask("Event(" + event + ").await()");
        Waiter waiter = Waiter.event(task, event);
        task.scope().register(waiter);
        return (Object[]) task.suspend(waiter);
    }

    /**
     * Suspends the calling task, handing data to the code that resumed it.
     * @return the data of the next {@link #switchInto}
     */
    public static Object[] switchToParent(Object[] data) {
        Task task = requireTask("Strand.switchToParent()");
        Waiter waiter = Waiter.parent(task);
        task.parentData = data;
        return (Object[]) task.suspend(waiter);
    }

    /**
     * Resumes a task that waits in {@link #switchToParent}, handing it data.
     * @return what the task hands back at its next {@code switchToParent}, or an empty array when it suspended
     *         otherwise or ended
     */
    public static Object[] switchInto(Task task, Object[] data) {
        Waiter w = task.waiting();
        if (!task.isAlive()) {
            throw new IllegalStateException("Groutine '" + task.name() + "' has ended: there is nothing to switch to");
        }
        if (w == null || w.kind != Waiter.Kind.PARENT) {
            throw new IllegalStateException("Groutine '" + task.name() + "' is "
                    + (w == null ? "running" : "waiting for " + w) + "; switchTo resumes only a groutine that waits in "
                    + "Strand.switchToParent");
        }
        task.resume(data, null);
        Object[] back = task.parentData;
        task.parentData = null;
        return back != null ? back : new Object[0];
    }

    private static Task requireTask(String what) {
        Task task = Task.current();
        if (task == null) {
            throw new IllegalStateException(what + " was called outside a groutine, on thread '"
                    + Thread.currentThread().getName() + "': only a groutine can wait. Spawn one with Hub.spawn(...) "
                    + "or declare it with @Groutine.");
        }
        return task;
    }

    private void register(Waiter waiter) {
        if (closed) {
            throw new IllegalStateException("Hub '" + name + "' is closed: " + waiter.task.name() + " cannot wait in it");
        }
        waiter.sequence = SEQUENCE.incrementAndGet();
        waiter.registered = true;
        Map<String, List<Waiter>> table = switch (waiter.kind) {
            case CALL -> calls;
            case EVENT -> events;
            case PARENT -> null;
        };
        if (table != null) {
            table.computeIfAbsent(waiter.kind == Waiter.Kind.CALL ? waiter.target.name() : waiter.event,
                    k -> new ArrayList<>(2)).add(waiter);
            if (waiter.kind == Waiter.Kind.CALL) {
                Interception.arm();
            }
        }
    }

    void unregister(Waiter waiter) {
        if (!waiter.registered) {
            return;
        }
        waiter.registered = false;
        if (waiter.kind == Waiter.Kind.PARENT) {
            return;
        }
        String key = waiter.kind == Waiter.Kind.CALL ? waiter.target.name() : waiter.event;
        Map<String, List<Waiter>> table = waiter.kind == Waiter.Kind.CALL ? calls : events;
        List<Waiter> list = table.get(key);
        if (list != null && list.remove(waiter)) {
            if (list.isEmpty()) {
                table.remove(key);
            }
            if (waiter.kind == Waiter.Kind.CALL) {
                Interception.disarm();
            }
        }
    }

    // ---- dispatch ---------------------------------------------------------------------------------------------

    /** Whether any scope bound on this thread has a task waiting for this callable at either phase. */
    static boolean listens(Scope innermost, Member callable, Object receiver) {
        String key = Target.key(callable);
        for (Scope s = innermost; s != null; s = s.boundOver) {
            List<Waiter> list = s.calls.get(key);
            if (list != null) {
                for (int i = 0, n = list.size(); i < n; i++) {
                    Waiter w = list.get(i);
                    if ((w.instance == null || w.instance == receiver) && w.target.matches(callable, receiver)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Hands the call, at its current phase, to every task waiting for it, in the order they started waiting. */
    static void dispatch(Scope innermost, Invocation invocation) {
        String key = Target.key(invocation.callable());
        Waiter first = null;
        Waiter[] more = null;
        int count = 0;
        boolean severalScopes = false;
        for (Scope s = innermost; s != null; s = s.boundOver) {
            List<Waiter> list = s.calls.get(key);
            if (list == null) {
                continue;
            }
            for (int i = 0, n = list.size(); i < n; i++) {
                Waiter w = list.get(i);
                if (!w.matches(invocation.callable(), invocation.target(), invocation.phase())) {
                    continue;
                }
                // the common case, one waiter, needs no array
                if (count == 0) {
                    first = w;
                }
                else {
                    if (more == null) {
                        more = new Waiter[Math.max(4, n)];
                        more[0] = first;
                    }
                    else if (count == more.length) {
                        more = Arrays.copyOf(more, count * 2);
                    }
                    more[count] = w;
                    severalScopes |= first.task.scope() != s;
                }
                count++;
            }
        }
        if (count == 1) {
            resume(first, invocation);
            return;
        }
        if (severalScopes) {
            Arrays.sort(more, 0, count, Comparator.comparingLong(w -> w.sequence));
        }
        for (int i = 0; i < count; i++) {
            resume(more[i], invocation);
        }
    }

    private static void resume(Waiter w, Invocation invocation) {
        if (!w.registered) {
            return; // killed or closed by a groutine that handled the call before it
        }
        w.task.scope().unregister(w);
        DISPATCHED.increment();
        w.task.resume(new CallView(invocation, w.argNames), null);
    }

    /**
     * Resumes every task waiting for the event in the scopes bound on this thread, in the order they started
     * waiting, each until it next suspends or ends.
     * @return how many tasks were resumed
     * @throws IllegalStateException when no scope is bound to the calling thread
     */
    public static int fire(String event, Object[] data) {
        Scope innermost = CURRENT.get();
        if (innermost == null) {
            throw new IllegalStateException("Event(" + event + ").fire() on thread '" + Thread.currentThread().getName()
                    + "', which has no hub: open one with Hub.open() (the groutines filter does this for each request) "
                    + "or fire from inside a groutine");
        }
        List<Waiter> snapshot = new ArrayList<>();
        boolean severalScopes = false;
        for (Scope s = innermost; s != null; s = s.boundOver) {
            List<Waiter> list = s.events.get(event);
            if (list != null) {
                severalScopes |= !snapshot.isEmpty();
                snapshot.addAll(list);
            }
        }
        if (severalScopes) {
            snapshot.sort(Comparator.comparingLong(w -> w.sequence));
        }
        int resumed = 0;
        for (Waiter w : snapshot) {
            if (!w.registered) {
                continue;
            }
            w.task.scope().unregister(w);
            DISPATCHED.increment();
            resumed++;
            w.task.resume(data, null);
        }
        return resumed;
    }

    @Override
    public String toString() {
        return "Hub '" + name + "' (" + (closed ? "closed" : tasks.size() + " groutines") + ")";
    }
}
