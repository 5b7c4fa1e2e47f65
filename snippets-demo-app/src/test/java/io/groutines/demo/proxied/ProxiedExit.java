package io.groutines.demo.proxied;

import java.util.concurrent.atomic.AtomicInteger;

import io.groutines.Call;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;

/** Test-only groutine: counts the EXITs of the proxied controller's method. */
@Groutines("proxied_exit")
public class ProxiedExit {

    static final AtomicInteger EXITS = new AtomicInteger();

    @Groutine(call = "io.groutines.demo.proxied.ProxiedGreeter.hello", phase = Phase.EXIT, loop = true)
    void count(Call call) {
        EXITS.incrementAndGet();
    }
}
