package io.groutines.boot.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.groutines.boot.spawn.GroutineSpawner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * The {@link GroutinesFilter}'s stand-in where servlet filters do not run: MockMvc built without them
 * ({@code MockMvcTester.from(context)}, {@code MockMvcBuilders.webAppContextSetup(context)} without
 * {@code addFilters}). A request that reaches Spring MVC's {@code DispatcherServlet} without the filter's hub gets
 * one here, with the application's groutines, closed when the request completes — the filter's lifecycle, async
 * dispatches included. It opens nothing when the filter ran (the request has its hub), and nothing for a request
 * outside {@code groutines.filter.url-patterns}.
 *
 * <p>It starts later than the filter: as the first {@code HandlerInterceptor}, after the handler mapping. Its
 * groutines see the other interceptors, the handler method (argument resolution, the controller and everything it
 * calls, message conversion), exception handlers and view rendering — not servlet filters (Spring Security's filter
 * chain) nor the handler mapping.
 */
public class GroutinesInterceptor implements AsyncHandlerInterceptor {

    /** Request attribute: the dispatch type whose dispatch bound the hub here, to be unbound at its end. */
    private static final String BOUND_ATTRIBUTE = GroutinesInterceptor.class.getName() + ".BOUND";

    private final Supplier<GroutineSpawner> spawner;

    private final List<String> urlPatterns;

    /**
     * @param spawner gives the spawner of the active groutines, looked up at the first request
     * @param urlPatterns the filter's URL patterns (servlet syntax): requests outside them get no hub
     */
    public GroutinesInterceptor(ObjectProvider<GroutineSpawner> spawner, List<String> urlPatterns) {
        this.spawner = SingletonSupplier.of(spawner::getObject);
        this.urlPatterns = List.copyOf(urlPatterns);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        DispatcherType type = request.getDispatcherType();
        if (request.getAttribute(BOUND_ATTRIBUTE) != null) {
            return true; // a dispatch inside one that bound the hub (a forward)
        }
        RequestHub requestHub = RequestHub.of(request);
        if (requestHub == null) {
            if (type != DispatcherType.REQUEST || !matches(request)) {
                return true;
            }
            RequestHub.open(request, this.spawner.get());
        }
        else if (type == DispatcherType.FORWARD || type == DispatcherType.INCLUDE || !requestHub.enter()) {
            return true; // the filter's dispatch holds it, or it is closed
        }
        request.setAttribute(BOUND_ATTRIBUTE, type);
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        RequestHub requestHub = boundHere(request);
        if (requestHub != null) {
            requestHub.closeOnCompletion(request.getAsyncContext());
            requestHub.exit();
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        RequestHub requestHub = boundHere(request);
        if (requestHub == null) {
            return;
        }
        if (request.isAsyncStarted()) {
            requestHub.closeOnCompletion(request.getAsyncContext());
            requestHub.exit();
        }
        else {
            requestHub.exitAndClose();
        }
    }

    /** The request's hub if this dispatch bound it here; the mark is removed. */
    private static RequestHub boundHere(HttpServletRequest request) {
        if (request.getAttribute(BOUND_ATTRIBUTE) != request.getDispatcherType()) {
            return null;
        }
        request.removeAttribute(BOUND_ATTRIBUTE);
        return RequestHub.of(request);
    }

    /** Servlet URL pattern matching: exact, {@code /prefix/*}, {@code *.extension}, and {@code /} for everything. */
    private boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String pattern : this.urlPatterns) {
            if (pattern.equals("/") || pattern.equals("/*") || pattern.equals(path)
                    || pattern.endsWith("/*") && (path.equals(pattern.substring(0, pattern.length() - 2))
                            || path.startsWith(pattern.substring(0, pattern.length() - 1)))
                    || pattern.startsWith("*.") && path.endsWith(pattern.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
