package io.groutines.boot.mockmvc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.Strand;

/** A groutine that is not a loop: it answers the first greeting of its hub, and only that one. */
@Groutines("greet-once")
public class GreetOnce {

    /** The hub and the name of each greeting it answered. */
    public static final List<String> ANSWERED = new CopyOnWriteArrayList<>();

    @Groutine(call = "io.groutines.boot.app.Greeter.greet", phase = Phase.ENTER)
    String greet(String name) {
        ANSWERED.add(Strand.current().orElseThrow().hub().name() + ": " + name);
        return "Hi, " + name;
    }
}
