package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.TestMarkets.P;
import eu.cloudmarket.model.events.PriceChange;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.PricingParams.PricingRuleKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Direction check (issue 9, validation 3): a provider's own price rise lowers its share, on common random numbers,
 * with rivals on fixed markups so the comparison isolates the own-price effect, and with switching costs and
 * multi-quarter contracts so the effect works through renewals as in the full model.
 */
class OwnPriceTest {
    private static double finalCustomerShare(List<ScheduledEvent> events) {
        List<P> ps = List.of(new P("a", Origin.US, 0.30, 1.0, 0.6), new P("b", Origin.US, 0.25, 1.0, 0.6),
                new P("c", Origin.EU, 0.15, 1.0, 0.6));
        Market m = new Market(TestMarkets.stylised(ps, 3.0, 0.2, 1.5, 4, 20000, 12, PricingRuleKind.MARKUP), events,
                9, 0, Recorder.NONE);
        m.run();
        QuarterSnapshot last = m.lastSnapshot();
        return (double) last.providers().get(0).customers() / last.buyersInCloud();
    }

    @Test
    void ownPriceRiseLowersShare() {
        double base = finalCustomerShare(List.of());
        double raised = finalCustomerShare(List.of(new ScheduledEvent(0.0, "2025Q1",
                new PriceChange("a", "both", 20, "list", 12), "a raises its price by 20%")));
        assertTrue(raised < base - 0.02, "share after a 20% price rise " + raised + " vs " + base);
    }
}
