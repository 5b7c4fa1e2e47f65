package io.groutines.modulith.order.internal;

/**
 * An ordered item, internal to the order module.
 * @param name what it is
 */
public record Item(String name) {
}
