package io.groutines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionCallTest {

    private final Hub hub = Hub.open("function-call-test");

    private final Greeter greeter = new Greeter();

    @AfterEach
    void close() {
        hub.close();
        assertThat(Interception.armed()).as("no subscription outlives its hub").isFalse();
    }

    @Test
    void aGroutineSeesTheArgumentsAtEnterAndTheResultAtExit() {
        List<String> seen = new ArrayList<>();
        hub.spawn(() -> {
            FunctionCall greet = FunctionCall.of("io.groutines.Greeter.greet");
            Call enter = greet.await(Phase.ENTER);
            seen.add(enter.phase() + " " + enter.arg(0) + " on " + (enter.receiver() == greeter));
            Call exit = greet.await(Phase.EXIT);
            seen.add(exit.phase() + " " + exit.returnValue() + " thrown=" + exit.thrown());
        });
        assertThat(greeter.greet("bob")).isEqualTo("hello bob");
        assertThat(seen).containsExactly("ENTER bob on true", "EXIT hello bob thrown=null");
    }

    @Test
    void awaitWithoutAPhaseMeansExit() {
        AtomicReference<Object> result = new AtomicReference<>();
        hub.spawn(() -> result.set(FunctionCall.of(Greeter.class, "greet").await().returnValue()));
        greeter.greet("amy");
        assertThat(result.get()).isEqualTo("hello amy");
    }

    @Test
    void setArgAtEnterChangesWhatTheCallableReceives() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).setArg(0, "mallory"));
        assertThat(greeter.greet("bob")).isEqualTo("hello mallory");
        assertThat(greeter.ran).containsExactly("greet mallory");
    }

    @Test
    void argumentsCanBeReadAndReplacedByName() {
        hub.spawn(() -> {
            Call call = FunctionCall.of(Greeter.class, "shout").await(Phase.ENTER);
            call.setArg("times", (Integer) call.arg("times") + 1);
        });
        assertThat(greeter.shout("hi", 1)).isEqualTo("HIHI");
    }

    @Test
    void argNamesNameArgumentsWhenTheClassHasNoParameterNames() {
        hub.spawn(() -> {
            Call call = FunctionCall.of(Greeter.class, "shout").argNames("data", "count").await(Phase.ENTER);
            call.setArg("data", call.arg("data") + "!");
        });
        assertThat(greeter.shout("hi", 2)).isEqualTo("HI!HI!");
    }

    @Test
    void replaceResultAtEnterSkipsTheOriginal() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).replaceResult("replaced"));
        assertThat(greeter.greet("bob")).isEqualTo("replaced");
        assertThat(greeter.ran).as("the original body did not run").isEmpty();
    }

    @Test
    void replaceResultAtExitOverridesTheResult() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT).replaceResult("overridden"));
        assertThat(greeter.greet("bob")).isEqualTo("overridden");
        assertThat(greeter.ran).containsExactly("greet bob");
    }

    @Test
    void aVoidMethodIsSkippedByAnyReplacementAtEnter() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "save").await(Phase.ENTER).replaceResult(Boolean.TRUE));
        greeter.save("x");
        assertThat(greeter.ran).isEmpty();
    }

    @Test
    void replacingWithAValueOfTheWrongTypeIsAClearError() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).replaceResult(42));
        assertThatThrownBy(() -> greeter.greet("bob")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.groutines.Greeter.greet").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void anUncheckedExceptionThrownByAGroutinePropagatesOutOfTheCall() {
        hub.spawn(() -> {
            FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
            throw new IllegalStateException("refused by groutine");
        });
        assertThatThrownBy(() -> greeter.greet("bob")).isInstanceOf(IllegalStateException.class)
                .hasMessage("refused by groutine");
        assertThat(greeter.ran).isEmpty();
    }

    @Test
    void aCheckedExceptionThrownByAGroutineAtExitPropagatesOutOfTheCall() {
        hub.spawn(() -> {
            FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT);
            throw Greeter.sneakyThrow(new IOException("checked, from the groutine"));
        });
        assertThatThrownBy(() -> greeter.greet("bob")).isInstanceOf(IOException.class)
                .hasMessage("checked, from the groutine");
        assertThat(greeter.ran).containsExactly("greet bob");
    }

    @Test
    void theOriginalsExceptionIsSeenAtExitAndStillThrown() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        hub.spawn(() -> seen.set(FunctionCall.of(Greeter.class, "fail").await().thrown()));
        assertThatThrownBy(() -> greeter.fail("boom")).isInstanceOf(IOException.class).hasMessage("boom");
        assertThat(seen.get()).isInstanceOf(IOException.class).hasMessage("boom");
    }

    @Test
    void staticMethodsCanBeListenedTo() {
        hub.spawn(() -> {
            Call call = FunctionCall.of("io.groutines.Greeter.twice").await(Phase.ENTER);
            assertThat(call.receiver()).isNull();
            call.setArg(0, 10);
        });
        assertThat(Greeter.twice(1)).isEqualTo(20);
        assertThat(Greeter.twice(1)).isEqualTo(2);
    }

    @Test
    void aTargetNamedOnAnInterfaceFiresForItsImplementations() {
        AtomicReference<Object> seen = new AtomicReference<>();
        hub.spawn(() -> seen.set(FunctionCall.of(Greeting.class, "greet").await(Phase.ENTER).receiver()));
        greeter.greet("x");
        assertThat(seen.get()).isSameAs(greeter);
    }

    @Test
    void anInstanceTargetFiresOnlyForThatInstance() {
        Greeter other = new Greeter();
        AtomicReference<Object> seen = new AtomicReference<>();
        hub.spawn(() -> seen.set(FunctionCall.of(greeter, "greet").await(Phase.ENTER).receiver()));
        other.greet("not this one");
        assertThat(seen.get()).isNull();
        greeter.greet("this one");
        assertThat(seen.get()).isSameAs(greeter);
    }

    @Test
    void listenersRunInTheOrderTheyStartedWaitingAndTheFirstReplacementWins() {
        List<String> order = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            hub.spawn(name, () -> {
                Call call = FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
                order.add(name);
                call.replaceResult("from " + name);
            });
        }
        assertThat(greeter.greet("bob")).isEqualTo("from first");
        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void aShortCircuitAtEnterLeavesTheTargetInterceptedForLaterListeners() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).replaceResult("short"));
        assertThat(greeter.greet("a")).isEqualTo("short");
        AtomicReference<Object> later = new AtomicReference<>();
        hub.spawn(() -> later.set(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).arg(0)));
        assertThat(greeter.greet("b")).isEqualTo("hello b");
        assertThat(later.get()).isEqualTo("b");
    }

    @Test
    void callsMadeWhileAGroutineHandlesACallAreInterceptedToo() {
        List<String> log = new ArrayList<>();
        hub.spawn("outer", () -> {
            FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
            log.add("outer calls shout: " + greeter.shout("x", 1));
        });
        hub.spawn("nested", () -> {
            Call call = FunctionCall.of(Greeter.class, "shout").await(Phase.ENTER);
            log.add("nested got " + call.arg(0) + " on thread " + Thread.currentThread().getName());
            call.replaceResult("nested");
        });
        greeter.greet("bob");
        assertThat(log).containsExactly("nested got x on thread " + Thread.currentThread().getName(),
                "outer calls shout: nested");
    }

    @Test
    void aGroutineNeverReceivesACallItMakesWhileHandlingOne() {
        List<Object> seen = new ArrayList<>();
        hub.spawn("looping", () -> {
            while (true) {
                Call call = FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
                seen.add(call.arg(0));
                if ("outer".equals(call.arg(0))) {
                    greeter.greet("inner"); // not delivered to itself: it is running, not waiting
                }
            }
        });
        greeter.greet("outer");
        assertThat(seen).containsExactly("outer");
        assertThat(greeter.ran).containsExactly("greet inner", "greet outer");
        greeter.greet("next");
        assertThat(seen).containsExactly("outer", "next");
    }

    @Test
    void killingAWaitingGroutineDropsItsSubscription() {
        Strand strand = hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).replaceResult("x"));
        assertThat(Interception.armed()).isTrue();
        strand.kill();
        assertThat(Interception.armed()).isFalse();
        assertThat(greeter.greet("bob")).isEqualTo("hello bob");
    }

    @Test
    void afterItsHubClosesNothingIsIntercepted() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).replaceResult("x"));
        hub.close();
        assertThat(Interception.armed()).isFalse();
        assertThat(greeter.greet("bob")).isEqualTo("hello bob");
    }

    @Test
    void setArgAtExitIsAClearError() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        hub.spawn(() -> {
            Call call = FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT);
            try {
                call.setArg(0, "late");
            }
            catch (IllegalStateException ex) {
                error.set(ex);
            }
        });
        greeter.greet("bob");
        assertThat(error.get()).hasMessageContaining("only at ENTER");
    }

    @Test
    void returnValueAtEnterIsAClearError() {
        hub.spawn(() -> FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).returnValue());
        assertThatThrownBy(() -> greeter.greet("bob")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not known at ENTER");
    }
}
