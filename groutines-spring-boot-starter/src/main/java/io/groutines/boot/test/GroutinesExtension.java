package io.groutines.boot.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.groutines.Hub;
import io.groutines.Strand;
import io.groutines.boot.spawn.EnclosingHub;
import io.groutines.boot.spawn.GroutineSpawner;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.util.ClassUtils;

/**
 * The extension behind {@link WithGroutines}; usable alone with {@code @ExtendWith(GroutinesExtension.class)}
 * (then groutines must finish). Opens a hub on the test's thread before each test, resolves {@link Hub} parameters
 * to it, and after the test fails it for every groutine still alive, then closes the hub.
 */
public class GroutinesExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

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
        try {
            if (state.requireFinished) {
                for (Strand strand : state.hub.strands()) {
                    unfinished.add("'" + strand.name() + "' is still " + strand.waitingFor()
                            .map(w -> "waiting for " + w).orElse("running"));
                }
            }
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
        if (!unfinished.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError(unfinished.size() + " groutine(s) spawned by this test did not finish: "
                    + String.join("; ", unfinished) + ". What they wait for never happened on the test's thread. "
                    + "If they wait on purpose, use @WithGroutines(requireFinished = false).");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Hub.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        State state = extensionContext.getStore(NAMESPACE).get(State.class, State.class);
        if (state == null) {
            throw new ParameterResolutionException("A Hub is injected into test methods only (not constructors or "
                    + "lifecycle methods other than @Test): the hub opens before each test and closes after it");
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

    private static final class State {

        final Hub hub;

        final boolean requireFinished;

        /** The application's groutines, with {@code application = true}. */
        EnclosingHub application;

        State(Hub hub, boolean requireFinished) {
            this.hub = hub;
            this.requireFinished = requireFinished;
        }
    }
}
