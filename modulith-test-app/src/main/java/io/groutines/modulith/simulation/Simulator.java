package io.groutines.modulith.simulation;

import io.groutines.modulith.order.OrderService;

import org.springframework.stereotype.Component;

/** Places orders through the order module's API: an allowed dependency. */
@Component
public class Simulator {

    private final OrderService orders;

    Simulator(OrderService orders) {
        this.orders = orders;
    }

    /** @return the order placed */
    public String run() {
        return this.orders.place("simulated");
    }
}
