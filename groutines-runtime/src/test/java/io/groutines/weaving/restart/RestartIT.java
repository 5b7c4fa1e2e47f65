package io.groutines.weaving.restart;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Strand;
import io.groutines.TargetException;
import io.groutines.weaving.Weaving;
import io.groutines.weaving.WeaverMessages;

import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.Validate;
import org.apache.commons.lang3.mutable.MutableInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application restarted in the same JVM, as Spring Boot DevTools restarts it: each run loads the application's
 * classes in a new {@link RestartLoader} and tells the weaver what to weave ({@link Weaving#decide}); the libraries
 * stay loaded from the first run on. The JVM runs the agent with the scope {@code io.groutines.weaving.restart.app..*}
 * only (failsafe's {@code restart} execution), so the commons-lang3 classes the first run uses are loaded unwoven.
 *
 * <p>A groutine added at a restart on such a library method sees the calls the application's reloaded classes make
 * to it, at their call sites, exactly as it would at the method's execution; a library method nobody declared is
 * refused with the cause and the fix; the restarts release their class loaders.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final String CAPITALIZE = "org.apache.commons.lang3.StringUtils.capitalize";

    private static final String ADD = "org.apache.commons.lang3.mutable.MutableInt.addAndGet(int)";

    private static final String CHECK = "org.apache.commons.lang3.Validate.isTrue(boolean,java.lang.String,java.lang.Object[])";

    private static final List<String> TARGETS = List.of(CAPITALIZE, ADD, CHECK);

    private static int runs;

    /** The run the tests use: the second, after a restart that added the targets. */
    private static Application app;

    private static final List<String> warnings = new CopyOnWriteArrayList<>();

    /** Held: the log manager keeps loggers weakly. */
    private static final Logger log = Logger.getLogger(WeaverMessages.LOGGER);

    @BeforeAll
    static void firstRunThenARestartThatAddsGroutines() throws ReflectiveOperationException {
        // its decisions would change the scope of the other weaving tests' JVM (-Dit.test runs every execution)
        Assumptions.assumeTrue(Weaving.scope().included().contains("io.groutines.weaving.restart.app..*")
                && !Weaving.isDecided(), "RestartIT runs in failsafe's restart execution");
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        // the first run, without these groutines: it uses the libraries, which load unwoven
        Application first = start(List.of());
        assertThat(first.capitalize("ann")).isEqualTo("Ann");
        assertThat(first.add(new MutableInt(1), 2)).isEqualTo(3);
        first.check(true);
        assertThat(first.shout("ann")).isEqualTo("Ann!");
        assertThat(Weaving.status(StringUtils.class)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
        // the restart: the groutines now name three library methods, whose classes are loaded
        app = start(TARGETS);
    }

    /** What a restart does: a new class loader for the application's classes, and the application's decision. */
    private static Application start(List<String> targets) throws ReflectiveOperationException {
        RestartLoader loader = new RestartLoader(++runs);
        Weaving.decide(true, Weaving.scope().withTargets(targets), loader);
        return (Application) loader.loadClass("io.groutines.weaving.restart.app.Caller").getConstructor().newInstance();
    }

    @Test
    @Order(1)
    void theLibraryStaysUnwovenAndTheApplicationIsWovenAgain() {
        assertThat(Weaving.status(StringUtils.class)).isEqualTo(Weaving.Status.LOADED_BEFORE_WEAVER);
        assertThat(Weaving.status(MutableInt.class)).isEqualTo(Weaving.Status.LOADED_BEFORE_WEAVER);
        assertThat(Weaving.status(app.getClass())).isEqualTo(Weaving.Status.WOVEN);
        assertThat(app.getClass().getClassLoader()).isInstanceOf(RestartLoader.class);
    }

    @Test
    @Order(2)
    void aDeclaredTargetIsAcceptedAndSaysWhatItCannotSee() {
        warnings.clear();
        FunctionCall.of(CAPITALIZE, getClass().getClassLoader());
        FunctionCall.of(CAPITALIZE, getClass().getClassLoader());
        assertThat(warnings).singleElement().asString()
                .startsWith("Target " + CAPITALIZE + ": org.apache.commons.lang3.StringUtils was loaded by the system "
                        + "class loader (the class path) during an earlier run of the application in this JVM")
                .contains("Groutines see the calls to it that the classes loaded since make: their call sites are woven")
                .contains("They do not see the calls made from inside libraries")
                .endsWith("restart the JVM (stop the application and start it again): DevTools restarts only your "
                        + "classes");
    }

    @Test
    @Order(3)
    void aLibraryTargetNobodyDeclaredSaysWhyAndTheFixThatWorksNow() {
        assertThatThrownBy(() -> FunctionCall.of("org.apache.commons.lang3.StringUtils.uncapitalize"))
                .isInstanceOf(TargetException.class)
                .hasMessage("org.apache.commons.lang3.StringUtils was loaded by the system class loader (the class "
                        + "path) during an earlier run of the application in this JVM, which has been restarted in the "
                        + "same JVM since (a Spring Boot DevTools restart); a restart reloads only the application's "
                        + "own classes, and a loaded class cannot be woven any more, so it is not woven — target "
                        + "org.apache.commons.lang3.StringUtils.uncapitalize. Fix: restart the JVM (stop the "
                        + "application and start it again): DevTools restarts only your classes");
    }

    @Test
    @Order(4)
    void atTheCallSiteArgumentsAndResultAreReplacedAsAtTheExecution() {
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call enter = FunctionCall.of(CAPITALIZE).await(Phase.ENTER);
                seen.add(enter.callable());
                seen.add(enter.target());
                seen.add(enter.arg(0));
                enter.setArg(0, "bob");
                Call exit = FunctionCall.of(CAPITALIZE).await(Phase.EXIT);
                seen.add(exit.returnValue());
                exit.replaceResult(exit.returnValue() + " (patched)");
            });
            assertThat(app.capitalize("ann")).isEqualTo("Bob (patched)");
        }
        assertThat(seen).containsExactly(method(StringUtils.class, "capitalize", String.class), null, "ann", "Bob");
    }

    @Test
    @Order(5)
    void aResultSuppliedAtEnterSkipsTheCall() {
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(ADD).await(Phase.ENTER).replaceResult(42));
            MutableInt number = new MutableInt(1);
            assertThat(app.add(number, 2)).isEqualTo(42);
            assertThat(number.intValue()).isEqualTo(1);
        }
    }

    @Test
    @Order(6)
    void theReceiverIsTheTargetAndAnExceptionIsSeenAndReplaced() {
        MutableInt number = new MutableInt(1);
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> seen.add(FunctionCall.of(ADD).await(Phase.ENTER).target()));
            hub.spawn(() -> {
                Call exit = FunctionCall.of(CHECK).await(Phase.EXIT);
                seen.add(exit.thrown());
                exit.replaceResult(null);
            });
            assertThat(app.add(number, 2)).isEqualTo(3);
            app.check(false); // the groutine replaced the exception: nothing is thrown
        }
        assertThat(seen.get(0)).isSameAs(number);
        assertThat((Throwable) seen.get(1)).isInstanceOf(IllegalArgumentException.class).hasMessage("not ok");
    }

    @Test
    @Order(6)
    void anArgumentIsReplacedAtAnInstanceCallAndACallMadeToThrowIsSeenAtExit() {
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(ADD).await(Phase.ENTER).setArg(0, 40));
            assertThat(app.add(new MutableInt(1), 2)).isEqualTo(41);
        }
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                FunctionCall.of(CHECK).await(Phase.ENTER).setArg(0, false);
                seen.add(FunctionCall.of(CHECK).await(Phase.EXIT).thrown());
            });
            assertThatThrownBy(() -> app.check(true)).isInstanceOf(IllegalArgumentException.class).hasMessage("not ok");
        }
        assertThat((Throwable) seen.get(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("not ok");
    }

    @Test
    @Order(7)
    void aGroutineThrowsAtTheCallSite() {
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                FunctionCall.of(CAPITALIZE).await(Phase.ENTER);
                throw new IllegalStateException("refused by a groutine");
            });
            assertThatThrownBy(() -> app.capitalize("ann")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("refused by a groutine");
        }
    }

    @Test
    @Order(8)
    void aCallWhoseReceiverRunsWovenCodeIsDispatchedOnceAtItsExecution() {
        List<Object> entered = new ArrayList<>();
        MutableInt counting = app.counting(1);
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                while (true) {
                    Call call = FunctionCall.of(ADD).await(Phase.ENTER);
                    entered.add(call.callable().getDeclaringClass().getSimpleName());
                }
            });
            assertThat(app.add(counting, 2)).isEqualTo(3); // CountingInt.addAndGet: woven, dispatched there
            assertThat(app.add(new MutableInt(1), 2)).isEqualTo(3); // MutableInt's own: dispatched at the call site
        }
        assertThat(entered).containsExactly("CountingInt", "MutableInt");
    }

    @Test
    @Order(9)
    void callsFromInsideALibraryAreNotSeen() {
        try (Hub hub = Hub.open()) {
            Strand waiting = hub.spawn(() -> FunctionCall.of(CAPITALIZE).await(Phase.ENTER).setArg(0, "bob"));
            assertThat(app.shout("ann")).isEqualTo("Ann!");
            assertThat(waiting.isAlive()).isTrue();
        }
    }

    @Test
    @Order(10)
    void dormantCallSitesRunAsUsual() {
        assertThat(app.capitalize("ann")).isEqualTo("Ann");
        assertThat(app.add(new MutableInt(1), 2)).isEqualTo(3);
        assertThatThrownBy(() -> app.check(false)).isInstanceOf(IllegalArgumentException.class).hasMessage("not ok");
        assertThat(Validate.class.getClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
    }

    @Test
    @Order(11)
    void restartsReleaseTheirClassLoaders() throws ReflectiveOperationException, InterruptedException {
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        loaders.add(new WeakReference<>(app.getClass().getClassLoader()));
        app = null;
        for (int i = 0; i < 10; i++) {
            Application run = start(TARGETS);
            loaders.add(new WeakReference<>(run.getClass().getClassLoader()));
            // every path that keeps something per class: woven calls, call sites, an override, a target named on a
            // class (resolved once per class), a listened call
            try (Hub hub = Hub.open()) {
                hub.spawn(() -> FunctionCall.of(CAPITALIZE).await(Phase.EXIT).replaceResult("x"));
                hub.spawn(() -> FunctionCall.of(MutableInt.class, "addAndGet(int)").await(Phase.EXIT));
                assertThat(run.capitalize("ann")).isEqualTo("x");
                assertThat(run.add(run.counting(1), 2)).isEqualTo(3);
            }
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (loaders.stream().anyMatch(ref -> ref.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(loaders).as("class loaders of restarted runs still reachable").allMatch(ref -> ref.get() == null);
    }

    private static java.lang.reflect.Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        }
        catch (NoSuchMethodException ex) {
            throw new AssertionError(ex);
        }
    }
}
