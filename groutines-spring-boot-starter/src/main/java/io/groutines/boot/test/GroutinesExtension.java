package io.groutines.boot.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.groutines.Hub;
import io.groutines.Signals;
import io.groutines.Strand;
import io.groutines.boot.spawn.EnclosingHub;
import io.groutines.boot.spawn.GroutineSpawner;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.util.ClassUtils;

/**
 * The extension behind {@link WithGroutines}; usable alone with {@code @ExtendWith(GroutinesExtension.class)}
 * (then groutines must finish). Opens a hub on the test's thread before each test, resolves {@link Hub} parameters
 * to it, and after the test fails it for every groutine still alive, then closes the hub. A {@link Signals} parameter
 * gets signals of the test's own, closed after it: a hold that timed out or still waits then fails the test; a test
 * that fails while it has signals gets their trace — who held and sent what, in what order — as a suppressed
 * exception of its failure.
 */
public class GroutinesExtension
        implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GroutinesExtension.class);

    private static final boolean SPRING_TEST_PRESENT = ClassUtils.isPresent(
            "org.springframework.test.context.junit.jupiter.SpringExtension", GroutinesExtension.class.getClassLoader());

    @Override
    public void beforeEach(ExtensionContext context) {
        WithGroutines settings = settings(context);
        Hub hub = Hub.open("test " + context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
        State state = new State(hub, settings == null || settings.requireFinished());
        if (settings != null && settings.application()) {
            try {
                // over the test's hub, in a hub of their own that steps aside for each request served on this thread
                state.application = EnclosingHub.open(spawner(context), hub.name() + " (application)", "test");
            }
            catch (RuntimeException | Error ex) {
                hub.close();
                throw ex;
            }
        }
        context.getStore(NAMESPACE).put(State.class, state);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        State state = context.getStore(NAMESPACE).remove(State.class, State.class);
        if (state == null) {
            return;
        }
        List<String> unfinished = new ArrayList<>();
        AssertionError holds = null;
        try {
            if (state.requireFinished) {
                for (Strand strand : state.hub.strands()) {
                    unfinished.add("'" + strand.name() + "' is still " + strand.waitingFor()
                            .map(w -> "waiting for " + w)
                            .or(() -> Signals.holdOf(strand).map(h -> "holding " + h.call() + " until signal '"
                                    + h.signal() + "' of signals '" + h.signals() + "'"))
                            .orElse("running"));
                }
            }
        }
        finally {
            try {
                holds = closeSignals(state);
            }
            finally {
                try {
                    if (state.application != null) {
                        state.application.close();
                    }
                }
                finally {
                    state.hub.close();
                }
            }
        }
        if (holds != null && context.getExecutionException().isEmpty()) {
            throw holds;
        }
        if (!unfinished.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError(unfinished.size() + " groutine(s) spawned by this test did not finish: "
                    + String.join("; ", unfinished) + ". What they wait for never happened on the test's thread. "
                    + "If they wait on purpose, use @WithGroutines(requireFinished = false).");
        }
    }

    /** @return why the test's signals fail it, if they do */
    private static AssertionError closeSignals(State state) {
        if (state.signals == null) {
            return null;
        }
        try {
            state.signals.close();
            return null;
        }
        catch (AssertionError failed) {
            return failed;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        State state = context.getStore(NAMESPACE).get(State.class, State.class);
        if (state != null && state.signals != null) {
            failure.addSuppressed(new Interleaving(state.signals.trace()));
        }
        throw failure;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Hub.class || type == Signals.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        State state = extensionContext.getStore(NAMESPACE).get(State.class, State.class);
        boolean signals = parameterContext.getParameter().getType() == Signals.class;
        if (state == null) {
            throw new ParameterResolutionException("A " + (signals ? "Signals" : "Hub") + " is injected into test "
                    + "methods only (not constructors or lifecycle methods other than @Test): it opens before each "
                    + "test and closes after it");
        }
        if (signals) {
            if (state.signals == null) {
                state.signals = Signals.open(state.hub.name());
            }
            return state.signals;
        }
        return state.hub;
    }

    private static WithGroutines settings(ExtensionContext context) {
        Optional<WithGroutines> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, WithGroutines.class));
        return onMethod.or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithGroutines.class))
                .orElse(null);
    }

    private static GroutineSpawner spawner(ExtensionContext context) {
        if (!SPRING_TEST_PRESENT) {
            throw new IllegalStateException("@WithGroutines(application = true) needs a Spring test context "
                    + "(spring-test on the class path, and @SpringBootTest on the test)");
        }
        return SpringSide.spawner(context);
    }

    /** Loaded only when spring-test is present. */
    private static final class SpringSide {

        static GroutineSpawner spawner(ExtensionContext context) {
            var applicationContext = org.springframework.test.context.junit.jupiter.SpringExtension
                    .getApplicationContext(context);
            return applicationContext.getBeanProvider(GroutineSpawner.class).getIfAvailable(() -> {
                throw new IllegalStateException("@WithGroutines(application = true): the test's application context "
                        + "has no GroutineSpawner; set groutines.enabled=true for the test");
            });
        }
    }

    /** The trace of a failed test's signals, beside its failure. */
    private static final class Interleaving extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Interleaving(String trace) {
            super("The interleaving until the failure: " + trace, null, false, false);
        }
    }

    private static final class State {

        final Hub hub;

        final boolean requireFinished;

        /** The application's groutines, with {@code application = true}. */
        EnclosingHub application;

        /** Opened when the test asks for them. */
        Signals signals;

        State(Hub hub, boolean requireFinished) {
            this.hub = hub;
            this.requireFinished = requireFinished;
        }
    }
}
