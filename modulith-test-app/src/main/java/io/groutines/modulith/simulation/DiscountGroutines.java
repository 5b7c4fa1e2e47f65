package io.groutines.modulith.simulation;

import io.groutines.Call;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.modulith.order.internal.Item;

/**
 * Groutines of the simulation module that patch the order module's internals: a dependency Spring Modulith refuses
 * from module code ({@code Item} and {@code PriceList} are not exposed), which groutines, as development tooling,
 * may have.
 */
@Groutines("discount")
class DiscountGroutines {

    /** Halves every price while it runs; free samples cost nothing. */
    @Groutine(call = "io.groutines.modulith.order.internal.PriceList.priceOf", phase = Phase.EXIT, loop = true)
    Long halve(Item item, Call call) {
        return item.name().startsWith("sample") ? 0L : (Long) call.returnValue() / 2;
    }
}
