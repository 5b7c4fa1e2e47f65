package io.groutines.modulith.order;

import io.groutines.modulith.order.internal.Item;
import io.groutines.modulith.order.internal.PriceList;

import org.springframework.stereotype.Service;

/** The order module's API: places an order at the price list's price. */
@Service
public class OrderService {

    private final PriceList prices;

    OrderService(PriceList prices) {
        this.prices = prices;
    }

    /**
     * @param item what is ordered
     * @return a description of the order with its price in cents
     */
    public String place(String item) {
        return item + " for " + this.prices.priceOf(new Item(item));
    }
}
