package io.groutines;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The question a {@link FunctionCall} asks when it is made: can the calls of its target reach groutines at all? A
 * weaver answers it — the groutines weaver installs its answer when it starts ({@code io.groutines.weaving.Reach}): a
 * target no call can reach then throws {@link TargetException} at once, naming the fix, instead of waiting for a call
 * that never comes. Without a weaver nothing is refused: code woven by hand may still dispatch its calls.
 */
public final class TargetCheck {

    private static volatile Consumer<FunctionCall> installed = call -> { };

    private TargetCheck() {
    }

    /**
     * Answers the question from now on, in this JVM.
     * @param check throws {@link TargetException} for a target whose calls cannot reach groutines
     */
    public static void install(Consumer<FunctionCall> check) {
        installed = Objects.requireNonNull(check, "check");
    }

    static void check(FunctionCall call) {
        installed.accept(call);
    }
}
