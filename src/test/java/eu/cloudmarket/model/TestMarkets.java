package eu.cloudmarket.model;

import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.InvestmentParams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.PricingParams;
import eu.cloudmarket.model.params.ProductParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.model.params.SegmentParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-built markets for validation tests: one country, one segment, identical buyers. */
final class TestMarkets {
    private TestMarkets() {
    }

    /** A provider for the stylised markets: huge capacity (utilisation 1%), one product (general). */
    record P(String id, Origin origin, double share, double price, double cost) {
    }

    static MarketParams stylised(List<P> providers, double alpha, double sigma, double switchingTech,
            int contractQuarters, int buyers, int quarters, PricingParams.PricingRuleKind rule) {
        Map<String, ProviderParams> pp = new LinkedHashMap<>();
        for (P p : providers) {
            pp.put(p.id(), new ProviderParams(p.id(), p.origin(), List.of("all"), p.share(), null, 0.0,
                    new ProductParams(p.price(), p.cost(), 0.01), new ProductParams(1.0, 0.5, 0.01),
                    List.of("frontier"), new PricingParams(rule, 1.0, 0.5),
                    new InvestmentParams(0.8, "build", 1, 0, 0, 0), 1.0, 0.0));
        }
        SegmentParams seg = new SegmentParams(1.0, alpha, 0, 0, 0, 0, 0, switchingTech, 0, 0, contractQuarters, 0.6,
                0, 0, 0);
        return new MarketParams("2025Q1", quarters, buyers,
                new MarketParams.MarketSettings(10, sigma, 0, 1.0, 0, 2.7, "configured", 0, 0), Map.of("X", 1.0), Map.of("all_buyers", seg),
                Map.of("frontier", new ChipTierParams(Origin.US, 1, 1, 1, 0, null)), pp, List.of(),
                new MarketParams.ScreeningParams(List.of(), 0, 1, 0, 0), null);
    }
}
