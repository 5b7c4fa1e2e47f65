package io.groutines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Call#caller()}: the frame that made the call, walked from inside the groutine's continuation, through the
 * dispatch, to the code below the intercepted method (here woven by hand, {@link Woven}).
 */
class CallerTest {

    private final Hub hub = Hub.open("caller-test");

    private final Greeter greeter = new Greeter();

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void theFrameBelowTheCalledMethodAtEnterAndAtExit() {
        List<StackTraceElement> callers = new ArrayList<>();
        hub.spawn(() -> {
            callers.add(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).caller());
            callers.add(FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT).caller());
        });
        int line = greetFromHere();
        assertThat(callers).hasSize(2).allSatisfy(caller -> {
            assertThat(caller.getClassName()).isEqualTo(CallerTest.class.getName());
            assertThat(caller.getMethodName()).isEqualTo("greetFromHere");
            assertThat(caller.getLineNumber()).isEqualTo(line);
        });
    }

    @Test
    void aCallMadeByAnotherGroutineComesFromThatGroutine() {
        AtomicReference<StackTraceElement> caller = new AtomicReference<>();
        hub.spawn("listener", () -> caller.set(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).caller()));
        hub.spawn("caller", () -> {
            Event.named("GO").await();
            greetFromAGroutine();
        });
        Event.named("GO").fire();
        assertThat(caller.get().getMethodName()).isEqualTo("greetFromAGroutine");
    }

    @Test
    void onAVirtualThread() throws InterruptedException {
        AtomicReference<StackTraceElement> caller = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try (Hub own = Hub.open("virtual")) {
                own.spawn(() -> caller.set(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).caller()));
                greetFromHere();
            }
        });
        thread.join();
        assertThat(caller.get().getMethodName()).isEqualTo("greetFromHere");
    }

    @Test
    void foundOnlyWhenAskedWhileTheCallIsHandled() {
        List<Call> calls = new ArrayList<>();
        AtomicReference<StackTraceElement> asked = new AtomicReference<>();
        hub.spawn(() -> {
            calls.add(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER));   // not asked
            Call second = FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
            asked.set(second.caller());
            calls.add(second);
        });
        greetFromHere();
        greetFromHere();
        // nothing was computed for the first call while it was handled, and its frames are gone now
        assertThat(calls.get(0).caller()).isNull();
        // the second one's was found when asked, and is kept
        assertThat(calls.get(1).caller()).isSameAs(asked.get()).isNotNull();
    }

    private int greetFromHere() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        greeter.greet("ann");
        return line;
    }

    private void greetFromAGroutine() {
        greeter.greet("bob");
    }
}
