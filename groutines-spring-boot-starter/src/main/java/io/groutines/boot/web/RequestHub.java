package io.groutines.boot.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;

import io.groutines.Binding;
import io.groutines.Hub;
import io.groutines.Strand;
import io.groutines.boot.spawn.EnclosingHub;
import io.groutines.boot.spawn.GroutineSpawner;
import io.groutines.boot.spawn.LiveHubs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The hub of one request, across its dispatches. A hub serves one thread at a time: each dispatch binds it on
 * entry and unbinds it on exit; it is closed when the response is complete — at the end of the dispatch when the
 * request is not async, else when the async request completes. A close requested while a dispatch still holds the
 * hub (an async completion racing the dispatch's exit) is carried out by that dispatch as it exits, on its own
 * thread.
 *
 * <p>Decisions are taken under this object's monitor; groutines are spawned and killed outside it (a groutine
 * must not start under a monitor).
 */
final class RequestHub implements AsyncListener {

    private static final Log logger = LogFactory.getLog(RequestHub.class);

    /** Request attribute holding the request's hub across dispatches. */
    static final String HUB_ATTRIBUTE = RequestHub.class.getName();

    private static final AtomicLong REQUESTS = new AtomicLong();

    private final Hub hub;

    private final LiveHubs liveHubs;

    private Binding binding;

    /** Binds again what stepped aside for the dispatch that holds the hub. */
    private Runnable enclosing;

    private boolean inUse;

    private boolean closeRequested;

    private boolean closed;

    private AsyncContext listenedTo;

    private RequestHub(Hub hub, LiveHubs liveHubs) {
        this.hub = hub;
        this.liveHubs = liveHubs;
    }

    /**
     * Creates the request's hub, bound to the calling thread (in use), keeps it in a request attribute for the
     * request's later dispatches, and spawns the application's groutines into it.
     * @param request the request, in its REQUEST dispatch
     * @param spawner the application's groutines
     * @return the request hub
     */
    static RequestHub open(HttpServletRequest request, GroutineSpawner spawner) {
        String name = "request-" + REQUESTS.incrementAndGet() + " " + request.getMethod() + " " + request.getRequestURI();
        RequestHub requestHub = new RequestHub(Hub.create(name), spawner.liveHubs());
        requestHub.inUse = true;
        requestHub.bind();
        request.setAttribute(HUB_ATTRIBUTE, requestHub);
        try {
            List<Strand> strands = spawner.spawnInto(requestHub.hub, "request");
            if (logger.isDebugEnabled()) {
                logger.debug("Opened " + name + " with " + strands.size() + " groutine(s)");
            }
        }
        catch (RuntimeException | Error ex) {
            requestHub.exitAndClose();
            throw ex;
        }
        return requestHub;
    }

    /**
     * @param request a request
     * @return its hub, when a REQUEST dispatch opened one
     */
    static RequestHub of(HttpServletRequest request) {
        return (RequestHub) request.getAttribute(HUB_ATTRIBUTE);
    }

    /**
     * Binds the hub to the calling thread. A hub of the application's groutines that a test bound there
     * ({@link EnclosingHub}) steps aside until the dispatch ends: the request's own groutines run instead, and a
     * call reaches the application's groutines once.
     */
    private void bind() {
        this.enclosing = EnclosingHub.stepAside();
        this.binding = this.hub.bind();
    }

    Hub hub() {
        return this.hub;
    }

    /**
     * Binds the hub to the calling thread for a later dispatch (async, error).
     * @return false when the hub is closed (or closing): the dispatch runs without groutines
     */
    boolean enter() {
        synchronized (this) {
            if (this.closed || this.closeRequested || this.inUse) {
                return false;
            }
            this.inUse = true;
        }
        bind();
        return true;
    }

    /** Unbinds the hub from the calling thread; closes it if a close was requested meanwhile. */
    void exit() {
        Binding b = this.binding;
        this.binding = null;
        b.close();
        Runnable enclosing = this.enclosing;
        this.enclosing = null;
        enclosing.run();
        boolean closeNow;
        synchronized (this) {
            this.inUse = false;
            closeNow = this.closeRequested && !this.closed;
            if (closeNow) {
                this.closed = true;
            }
        }
        if (closeNow) {
            kill();
        }
    }

    /** Ends the dispatch that holds the hub and closes it: the response is complete. */
    void exitAndClose() {
        synchronized (this) {
            this.closeRequested = true;
        }
        exit();
    }

    /** Closes the hub now, or — when a dispatch holds it — as that dispatch exits. */
    void close() {
        synchronized (this) {
            if (this.closed) {
                return;
            }
            if (this.inUse) {
                this.closeRequested = true;
                return;
            }
            this.closed = true;
        }
        kill();
    }

    /**
     * Closes the hub when the async request completes. Called after each dispatch that left the request async.
     * @param context the request's async context
     */
    void closeOnCompletion(AsyncContext context) {
        synchronized (this) {
            if (this.listenedTo == context) {
                return;
            }
            this.listenedTo = context;
        }
        context.addListener(this);
    }

    private void kill() {
        try {
            this.hub.close();
        }
        catch (Throwable ex) {
            // a dying groutine's finally block threw; the response is done, so report it rather than lose it
            logger.error("A groutine of " + this.hub.name() + " failed while it was killed", ex);
        }
        finally {
            this.liveHubs.forget(this.hub);
            if (logger.isDebugEnabled()) {
                logger.debug("Closed " + this.hub.name() + ": its groutines were killed");
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // an error dispatch or a completion follows; the hub serves it if it is still open
    }

    @Override
    public void onError(AsyncEvent event) {
        // as for a timeout: completion follows
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the container drops listeners when async starts again: stay registered until the final completion
        AsyncContext context = event.getAsyncContext();
        synchronized (this) {
            this.listenedTo = context;
        }
        context.addListener(this);
    }
}
