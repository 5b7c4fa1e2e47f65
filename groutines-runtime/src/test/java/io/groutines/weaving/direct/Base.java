package io.groutines.weaving.direct;

/** A superclass with a final field its constructor writes. */
public class Base {

    final Part part;

    Base(Part part) {
        this.part = part;
    }

    public String describe() {
        return "base";
    }

    public Part part() {
        return this.part;
    }
}
