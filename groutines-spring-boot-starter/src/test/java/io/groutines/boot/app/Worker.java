package io.groutines.boot.app;

import org.springframework.stereotype.Component;

/** The work a request hands to other threads; woven (its package is the test application's), so groutines see it. */
@Component
public class Worker {

    public String work(String input) {
        return "worked " + input;
    }
}
