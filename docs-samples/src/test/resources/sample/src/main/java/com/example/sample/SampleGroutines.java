package com.example.sample;

import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;

@Groutines("sample")
class SampleGroutines {

    @Groutine(call = "com.example.sample.Greeter.greet", phase = Phase.ENTER)
    String hi(String name) {
        return "Hi, " + name;
    }
}
