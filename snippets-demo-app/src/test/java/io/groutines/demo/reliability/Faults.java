package io.groutines.demo.reliability;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.groutines.Call;
import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;

/**
 * Test-only groutines of the fault proof, spawned into every request's hub. Each misbehaves only in a request that
 * asks for it with the {@value #HEADER} header (and {@link #throwAtSpawn} for the one that fails as it is spawned),
 * so the other requests of the same application show that it keeps serving.
 */
@Groutines(value = "faults", weave = "io.groutines.demo.reliability.ReliabilityController")
public class Faults {

    static final String HEADER = "X-Fault";

    /** Makes {@link #atSpawn()} throw in every request while set. */
    static volatile boolean throwAtSpawn;

    /** Finally blocks of never-ending groutines that ran (they are killed when their hub closes). */
    static final AtomicInteger NEVER_KILLED = new AtomicInteger();

    /** Chunks of {@code /reliability/stream} a groutine saw. */
    static final AtomicInteger CHUNKS_SEEN = new AtomicInteger();

    /** Request ids of async requests whose groutine saw both the first dispatch and the async one. */
    static final Queue<String> ASYNC_SEEN = new ConcurrentLinkedQueue<>();

    /** Thrown by these groutines on purpose. */
    static final class InjectedFault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InjectedFault(String where) {
            super("injected fault: " + where);
        }
    }

    private static String fault() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getHeader(HEADER);
        }
        return null;
    }

    @Groutine
    void atSpawn() {
        if (throwAtSpawn) {
            throw new InjectedFault("at spawn");
        }
    }

    /** Throws at ENTER of the permission check: the check does not run, the exception leaves it. */
    @Groutine(call = "io.groutines.demo.snippets.SnippetListController.checkPermissions", phase = Phase.ENTER)
    void atEnter(HttpServletRequest request) {
        if ("enter".equals(request.getHeader(HEADER))) {
            throw new InjectedFault("at ENTER of checkPermissions");
        }
    }

    /** Throws at EXIT of the pre-save hook, after the owner was set and before the snippet is saved. */
    @Groutine(call = "io.groutines.demo.snippets.SnippetListController.preSave", phase = Phase.EXIT)
    void atExit() {
        if ("exit".equals(fault())) {
            throw new InjectedFault("at EXIT of preSave");
        }
    }

    /** Throws outside any call of its own: after the DISPATCH event resumed it (the exception reaches fire). */
    @Groutine(event = "DISPATCH")
    void afterEvent(Object view, HttpServletRequest request) {
        if ("event".equals(request.getHeader(HEADER))) {
            throw new InjectedFault("after DISPATCH");
        }
    }

    /** Never finishes: waits for an event nobody fires, until the hub closes and kills it. */
    @Groutine(event = "DISPATCH")
    void neverFinishes(Object view, HttpServletRequest request) {
        if (!"never".equals(request.getHeader(HEADER))) {
            return;
        }
        try {
            Event.named("NEVER").await();
        }
        finally {
            NEVER_KILLED.incrementAndGet();
        }
    }

    /** Listens to every chunk of a streamed response, so it is running when the client goes away. */
    @Groutine(call = "io.groutines.demo.reliability.ReliabilityController.chunk", phase = Phase.ENTER, loop = true)
    void chunks() {
        CHUNKS_SEEN.incrementAndGet();
    }

    /** In an async request, waits for the first dispatch to the handler and then for the async dispatch. */
    @Groutine
    void asyncDispatches() {
        FunctionCall handle = FunctionCall.of("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle");
        HttpServletRequest first = (HttpServletRequest) handle.await(Phase.ENTER).arg(0);
        if (!first.getRequestURI().equals("/reliability/async")) {
            return;
        }
        HttpServletRequest second = (HttpServletRequest) handle.await(Phase.ENTER).arg(0);
        ASYNC_SEEN.add(second.getDispatcherType() + " " + second.getHeader(Recorder.HEADER));
    }
}
