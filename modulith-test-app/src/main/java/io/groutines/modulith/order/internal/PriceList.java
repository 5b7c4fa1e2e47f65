package io.groutines.modulith.order.internal;

import org.springframework.stereotype.Component;

/** Internal to the order module (a subpackage: not exposed to other modules). */
@Component
public class PriceList {

    /**
     * @param item an item
     * @return its price in cents
     */
    public long priceOf(Item item) {
        return 100L * item.name().length();
    }
}
