package com.example.sample;

import org.springframework.stereotype.Service;

@Service
public class Greeter {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
