package io.groutines.boot.web;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import io.groutines.boot.spawn.GroutineSpawner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Gives each request its own hub with the application's active groutines, and kills them when the response is
 * complete — the original framework's Django middleware ({@code process_view} made a request's groutines,
 * {@code process_response} killed them).
 *
 * <ul>
 * <li><b>REQUEST dispatch</b>: creates the hub, binds it to the thread, spawns the groutines, runs the chain. When
 * the chain returns (or throws — an exception, a client abort) and the request is not async, kills every groutine
 * and closes the hub. The thread goes back to its pool without a hub.</li>
 * <li><b>Async</b>: when the request went async, the hub is unbound from the thread but stays open; each ASYNC
 * dispatch re-binds it for its duration; an {@link jakarta.servlet.AsyncListener} closes it when the async request
 * completes (normally, by timeout or error, or when the client went away).</li>
 * <li><b>ERROR dispatch</b>: reuses the request's hub while it is still open (an async request that timed out or
 * failed); otherwise — the usual case, an error page rendered after the request's own dispatch ended — it runs
 * without groutines: the request's groutines are already dead, and an error page gets none of its own.</li>
 * <li>FORWARD and INCLUDE dispatches run inside the request's dispatch, on its thread, with its hub bound.</li>
 * </ul>
 *
 * <p>Registered by auto-configuration at {@code groutines.filter.order} (default
 * {@code Ordered.HIGHEST_PRECEDENCE + 10}): before Spring Security's filter chain (-100), so that the calls security
 * makes can be observed.
 */
public class GroutinesFilter implements Filter {

    private final Supplier<GroutineSpawner> spawner;

    /**
     * @param spawner spawns the active groutines into each request's hub
     */
    public GroutinesFilter(GroutineSpawner spawner) {
        this.spawner = () -> spawner;
    }

    /**
     * A filter that looks its spawner up at the first request: the web server, which makes its filters before the
     * application's beans, then does not make the groutines (and check their triggers) on its own start — a wrong
     * trigger is reported once, by the application's start, not first as a failed server start.
     * @param spawner gives the spawner of the active groutines
     */
    public GroutinesFilter(ObjectProvider<GroutineSpawner> spawner) {
        this.spawner = SingletonSupplier.of(spawner::getObject);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request)) {
            chain.doFilter(req, res);
            return;
        }
        RequestHub requestHub = RequestHub.of(request);
        if (requestHub == null) {
            if (request.getDispatcherType() != DispatcherType.REQUEST) {
                chain.doFilter(req, res);
                return;
            }
            requestHub = RequestHub.open(request, this.spawner.get());
        }
        else if (!requestHub.enter()) {
            chain.doFilter(req, res);
            return;
        }
        try {
            chain.doFilter(req, res);
        }
        finally {
            if (request.isAsyncStarted()) {
                requestHub.closeOnCompletion(request.getAsyncContext());
                requestHub.exit();
            }
            else {
                requestHub.exitAndClose();
            }
        }
    }
}
