package io.groutines.weaving.direct;

import java.io.Serializable;

/** A serializable class without a declared {@code serialVersionUID}: the JVM computes one from its members. */
public class Ticket implements Serializable {

    private final String code;

    public Ticket(String code) {
        this.code = code;
    }

    public String code() {
        return this.code;
    }

    protected Ticket renewed() {
        return new Ticket(this.code + "'");
    }
}
