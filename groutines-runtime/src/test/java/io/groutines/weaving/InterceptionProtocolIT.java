package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.sample.Arities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interception protocol at every arity and kind of method the aspects tell apart, through the real agent: the
 * around advice generated for 0 to 8 parameters ({@code WovenCalls}) and the generic routine for more
 * ({@code WideCalls}), each at ENTER and at EXIT, with a groutine that replaces (arguments and result at ENTER, the
 * result at EXIT) or throws, and the original's own exception seen at EXIT and rethrown.
 */
class InterceptionProtocolIT {

    enum Kind {
        INSTANCE, STATIC
    }

    enum Action {
        REPLACE, THROW
    }

    private final Arities arities = new Arities();

    static Stream<Arguments> cases() {
        return IntStream.rangeClosed(0, Arities.MAX).boxed()
                .flatMap(arity -> Arrays.stream(Kind.values())
                        .flatMap(kind -> Arrays.stream(new Phase[] { Phase.ENTER, Phase.EXIT })
                                .flatMap(phase -> Arrays.stream(Action.values())
                                        .map(action -> Arguments.of(arity, kind, phase, action)))));
    }

    @BeforeEach
    @AfterEach
    void clear() {
        Arities.RAN.clear();
        Arities.failure = null;
    }

    @Test
    void theFixtureIsWovenAndHasEveryArity() {
        assertThat(Weaving.status(Arities.class)).isEqualTo(Weaving.Status.WOVEN);
        for (int arity = 0; arity <= Arities.MAX; arity++) {
            assertThat(method(Kind.INSTANCE, arity).getParameterCount()).isEqualTo(arity);
            assertThat(Modifier.isStatic(method(Kind.STATIC, arity).getModifiers())).isTrue();
        }
        assertThat(cases()).hasSize((Arities.MAX + 1) * 2 * 2 * 2);
    }

    @ParameterizedTest(name = "{0} parameters, {1}, {2}, {3}")
    @MethodSource("cases")
    void theProtocol(int arity, Kind kind, Phase phase, Action action) throws Throwable {
        Method method = method(kind, arity);
        String name = method.getName();
        Object receiver = kind == Kind.INSTANCE ? arities : null;
        Object[] given = arguments(arity, "a", 1000);
        Object[] replaced = arguments(arity, "r", 2000);
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            FunctionCall target = FunctionCall.of(Arities.class, name);
            if (phase == Phase.ENTER && action == Action.REPLACE) {
                hub.spawn(() -> {
                    Call call = target.await(Phase.ENTER);
                    seen.add(call.receiver());
                    seen.add(List.of(call.args()));
                    for (int i = 0; i < arity; i++) {
                        call.setArg(i, replaced[i]);
                    }
                    target.await(Phase.ENTER).replaceResult("instead of " + name);
                });
                assertThat(call(method, receiver, given)).isEqualTo(name + Arrays.toString(replaced));
                assertThat(call(method, receiver, given)).isEqualTo("instead of " + name);
                assertThat(Arities.RAN).containsExactly(name + Arrays.toString(replaced));
            }
            else if (phase == Phase.ENTER) {
                hub.spawn(() -> {
                    seen.add(target.await(Phase.ENTER).receiver());
                    throw sneaky(new IOException("refused at ENTER of " + name));
                });
                assertThatThrownBy(() -> call(method, receiver, given)).isInstanceOf(IOException.class)
                        .hasMessage("refused at ENTER of " + name);
                assertThat(Arities.RAN).isEmpty();
            }
            else if (action == Action.REPLACE) {
                hub.spawn(() -> {
                    Call call = target.await(Phase.EXIT);
                    seen.add(call.receiver());
                    seen.add(call.returnValue());
                    call.replaceResult("replaced " + call.returnValue());
                });
                assertThat(call(method, receiver, given)).isEqualTo("replaced " + name + Arrays.toString(given));
                assertThat(Arities.RAN).containsExactly(name + Arrays.toString(given));
            }
            else {
                IllegalStateException original = new IllegalStateException("the original of " + name + " failed");
                hub.spawn(() -> {
                    Call failed = target.await(Phase.EXIT);
                    seen.add(failed.receiver());
                    seen.add(failed.thrown());
                    target.await(Phase.EXIT);
                    throw sneaky(new IOException("refused at EXIT of " + name));
                });
                Arities.failure = original;
                assertThatThrownBy(() -> call(method, receiver, given)).isSameAs(original);
                Arities.failure = null;
                assertThatThrownBy(() -> call(method, receiver, given)).isInstanceOf(IOException.class)
                        .hasMessage("refused at EXIT of " + name);
                assertThat(Arities.RAN).containsExactly(name + Arrays.toString(given));
                assertThat(seen).last().isSameAs(original);
            }
        }
        assertThat(seen).first().isEqualTo(receiver);
        if (phase == Phase.ENTER && action == Action.REPLACE) {
            assertThat(seen.get(1)).isEqualTo(List.of(given));
        }
        if (phase == Phase.EXIT && action == Action.REPLACE) {
            assertThat(seen.get(1)).isEqualTo(name + Arrays.toString(given));
        }
    }

    /** @return the method of the fixture, {@code i3} or {@code s3} */
    private static Method method(Kind kind, int arity) {
        String name = (kind == Kind.INSTANCE ? "i" : "s") + arity;
        return Arrays.stream(Arities.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** @return {@code int} arguments at even positions ({@code base + i}, outside the Integer cache), text at odd */
    private static Object[] arguments(int arity, String prefix, int base) {
        return IntStream.range(0, arity).mapToObj(i -> i % 2 == 0 ? (Object) (base + i) : prefix + i).toArray();
    }

    /** Calls the woven method (its execution is the join point) and gives the caller what it threw, unwrapped. */
    private static Object call(Method method, Object receiver, Object[] args) throws Throwable {
        try {
            return method.invoke(receiver, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable ex) throws T {
        throw (T) ex;
    }
}
