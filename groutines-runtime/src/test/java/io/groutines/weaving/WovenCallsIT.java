package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.sample.Account;
import io.groutines.weaving.sample.Concierge;
import io.groutines.weaving.sample.FriendlyGreeting;
import io.groutines.weaving.sample.Greeter;
import io.groutines.weaving.sample.Greeting;

import javax.cache.configuration.MutableConfiguration;

import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Calls of woven classes reaching groutines, in a JVM started with {@code -javaagent:} the agent jar and the
 * scope {@code io.groutines.weaving.sample..*,org.apache.commons.lang3.StringUtils} (see the failsafe setup).
 */
class WovenCallsIT {

    @Test
    void theAgentStartedTheWeaverAndOpenedContinuations() {
        assertThat(Weaving.isStarted()).isTrue();
        assertThat(Weaving.mode()).isEqualTo(Weaving.Mode.AGENT).hasToString("agent");
        assertThat(Weaving.status(Greeter.class)).isEqualTo(Weaving.Status.WOVEN);
        assertThat(Weaving.status(StringUtils.class)).isEqualTo(Weaving.Status.WOVEN);
        assertThat(Weaving.status(WovenCallsIT.class)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
        assertThat(Weaving.status(String.class)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
    }

    @Test
    void dormantCallsRunAsUsual() {
        Greeter greeter = new Greeter();
        assertThat(greeter.greet("Ann")).isEqualTo("Hello, Ann");
        assertThat(greeter.add(2, 3)).isEqualTo(5);
        assertThat(Greeter.shout("hey")).isEqualTo("HEY");
        assertThat(greeter.join("a", "b", "c", "d", "e", "f", "g", "h", "i")).isEqualTo("abcdefghi");
        assertThat(new Account("Ann", 5).cents()).isEqualTo(5);
    }

    @Test
    void aBeanMethodAtEnterAndExit() {
        Greeter greeter = new Greeter();
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call enter = FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
                seen.add(enter.arg(0));
                seen.add(enter.target());
                Call exit = FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT);
                seen.add(exit.returnValue());
            });
            assertThat(greeter.greet("Ann")).isEqualTo("Hello, Ann");
        }
        assertThat(seen).containsExactly("Ann", greeter, "Hello, Ann");
    }

    @Test
    void aLibraryMethod() {
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call enter = FunctionCall.of("org.apache.commons.lang3.StringUtils.capitalize").await(Phase.ENTER);
                seen.add(enter.arg(0));
                Call exit = FunctionCall.of("org.apache.commons.lang3.StringUtils.capitalize").await(Phase.EXIT);
                seen.add(exit.returnValue());
                exit.replaceResult("Replaced");
            });
            assertThat(StringUtils.capitalize("groutines")).isEqualTo("Replaced");
        }
        assertThat(seen).containsExactly("groutines", "Groutines");
    }

    @Test
    void theCallerOfAWovenCallIsTheCodeThatMadeIt() {
        List<StackTraceElement> callers = new ArrayList<>();
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                for (int i = 0; i < 3; i++) {
                    callers.add(FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).caller());
                }
            });
            greeter.greet("from the test");
            new Concierge().welcome(greeter, "from a woven method");
            greetThroughReflection(greeter);
        }
        assertThat(callers).extracting(StackTraceElement::getClassName, StackTraceElement::getMethodName)
                .containsExactly(tuple(getClass().getName(), "theCallerOfAWovenCallIsTheCodeThatMadeIt"),
                        // the woven caller's body, which AspectJ moved into welcome_aroundBody0, is named as written
                        tuple(Concierge.class.getName(), "welcome"),
                        // reflection is machinery: the caller is the code that invoked Method.invoke
                        tuple(getClass().getName(), "greetThroughReflection"));
        assertThat(callers.get(1).getLineNumber()).isEqualTo(7);
    }

    private static void greetThroughReflection(Greeter greeter) {
        try {
            Greeter.class.getMethod("greet", String.class).invoke(greeter, "by reflection");
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aLibraryUnderJavaxIsNotTheJdk() {
        // JSR-107's API jar: javax.* by name, an ordinary library by its class loader and module
        assertThat(Weaving.status(MutableConfiguration.class)).isEqualTo(Weaving.Status.WOVEN);
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call enter = FunctionCall.of("javax.cache.configuration.MutableConfiguration.setStoreByValue")
                        .await(Phase.ENTER);
                seen.add(enter.arg(0));
                enter.setArg(0, false);
            });
            MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                    .setStoreByValue(true);
            assertThat(configuration.isStoreByValue()).isFalse();
        }
        assertThat(seen).containsExactly(true);
    }

    @Test
    void aConstructorAtEnterAndExit() {
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call enter = FunctionCall.of(Account.class, "<init>").await(Phase.ENTER);
                seen.add(List.of(enter.args()));
                Call exit = FunctionCall.of(Account.class, "<init>").await(Phase.EXIT);
                seen.add(exit.returnValue());
            });
            Account account = new Account("Ann", 250);
            assertThat(account.owner()).isEqualTo("Ann"); // the final fields were written
            assertThat(seen).containsExactly(List.of("Ann", 250L), account);
        }
    }

    @Test
    void aGroutineThrowingAtAConstructorsEnterStopsTheConstruction() {
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                FunctionCall.of(Account.class, "<init>").await(Phase.ENTER);
                throw new IllegalStateException("no accounts today");
            });
            assertThatThrownBy(() -> new Account("Ann", 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no accounts today");
        }
    }

    @Test
    void aConstructorsOwnExceptionIsSeenAtExitAndThrown() {
        List<Throwable> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> seen.add(FunctionCall.of(Account.class, "<init>").await(Phase.EXIT).thrown()));
            assertThatThrownBy(() -> new Account("Ann", -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("negative balance: -1");
        }
        assertThat(seen).singleElement().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConstructorsArgumentsAndResultCannotBeReplacedAtItsExecution() {
        List<Throwable> refused = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call enter = FunctionCall.of(Account.class, "<init>").await(Phase.ENTER);
                try {
                    enter.setArg(0, "Bob");
                }
                catch (UnsupportedOperationException ex) {
                    refused.add(ex);
                }
                try {
                    enter.replaceResult(null);
                }
                catch (UnsupportedOperationException ex) {
                    refused.add(ex);
                }
            });
            assertThat(new Account("Ann", 1).owner()).isEqualTo("Ann");
        }
        assertThat(refused).hasSize(2);
    }

    @Test
    void argumentsReplacedAtEnter() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call call = FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
                call.setArg(0, "Bob");
                Call add = FunctionCall.of(Greeter.class, "add").await(Phase.ENTER);
                add.setArg(1, 40);
            });
            assertThat(greeter.greet("Ann")).isEqualTo("Hello, Bob");
            assertThat(greeter.add(2, 3)).isEqualTo(42);
        }
        assertThat(greeter.log).containsExactly("greet Bob", "add");
    }

    @Test
    void resultReplacedAtEnterSkipsTheOriginal() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER).replaceResult("Skipped");
                FunctionCall.of(Greeter.class, "remember").await(Phase.ENTER).replaceResult(null);
            });
            assertThat(greeter.greet("Ann")).isEqualTo("Skipped");
            greeter.remember("should not be remembered");
        }
        assertThat(greeter.log).isEmpty();
    }

    @Test
    void resultReplacedAtExit() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(Greeter.class, "add").await(Phase.EXIT).replaceResult(99));
            assertThat(greeter.add(1, 1)).isEqualTo(99);
        }
        assertThat(greeter.log).containsExactly("add");
    }

    @Test
    void aCheckedExceptionThrownByAGroutineArrivesAtTheCaller() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                FunctionCall.of(Greeter.class, "greet").await(Phase.ENTER);
                throw sneaky(new IOException("disk on fire"));
            });
            assertThatThrownBy(() -> greeter.greet("Ann")).isInstanceOf(IOException.class).hasMessage("disk on fire");
        }
        assertThat(greeter.log).isEmpty();
    }

    @Test
    void anUncheckedExceptionThrownByAGroutineAtExitArrivesAtTheCaller() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT);
                throw new IllegalStateException("rejected");
            });
            assertThatThrownBy(() -> greeter.greet("Ann")).isInstanceOf(IllegalStateException.class).hasMessage("rejected");
        }
        assertThat(greeter.log).containsExactly("greet Ann");
    }

    @Test
    void theOriginalsExceptionIsSeenAtExitAndStillThrown() {
        Greeter greeter = new Greeter();
        List<Throwable> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> seen.add(FunctionCall.of(Greeter.class, "load").await(Phase.EXIT).thrown()));
            assertThatThrownBy(() -> greeter.load("a.txt")).isInstanceOf(IOException.class).hasMessage("no such file: a.txt");
        }
        assertThat(seen).singleElement().isInstanceOf(IOException.class);
    }

    @Test
    void staticAndWideMethods() {
        Greeter greeter = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                Call shout = FunctionCall.of(Greeter.class, "shout").await(Phase.ENTER);
                assertThat(shout.target()).isNull();
                shout.setArg(0, "changed");
                Call join = FunctionCall.of(Greeter.class, "join").await(Phase.ENTER);
                join.setArg(8, "!");
                Call sum = FunctionCall.of(Greeter.class, "sum").await(Phase.EXIT);
                sum.replaceResult(-1L);
            });
            assertThat(Greeter.shout("hey")).isEqualTo("CHANGED");
            assertThat(greeter.join("a", "b", "c", "d", "e", "f", "g", "h", "i")).isEqualTo("abcdefgh!");
            assertThat(greeter.sum(1, 2, 3, 4, 5, 6, 7, 8)).isEqualTo(-1L);
        }
    }

    @Test
    void aTargetOnAnInterfaceFiresForItsImplementations() {
        Greeting greeting = new FriendlyGreeting();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(Greeting.class, "greet").await(Phase.EXIT).replaceResult("via interface"));
            assertThat(greeting.greet("Ann")).isEqualTo("via interface");
        }
    }

    @Test
    void anInstanceTargetFiresOnlyForThatObject() {
        Greeter watched = new Greeter();
        Greeter other = new Greeter();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(watched, "greet").await(Phase.EXIT).replaceResult("watched"));
            assertThat(other.greet("Ann")).isEqualTo("Hello, Ann");
            assertThat(watched.greet("Ann")).isEqualTo("watched");
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable ex) throws T {
        throw (T) ex;
    }
}
