package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.cloudmarket.model.TestMarkets.P;
import eu.cloudmarket.model.events.CounterGuidance;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.PricingParams.PricingRuleKind;
import eu.cloudmarket.model.params.ProviderParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AI marginal cost under export controls is the expected replacement cost of the next unit as procurement fills
 * an order down the preference list. A Chinese provider prefers a US tier (cost index 1 × (1 + levy 0.15) = 1.15,
 * licence probability 0.5) and falls back on a domestic tier (unit cost 1.2 at performance 0.6: index 2.0). Before
 * counter-guidance the order is filled half and half: E0 = 0.5·1.15 + 0.5·2.0 = 1.575. After Beijing's guidance
 * refuses 40 % of licensed foreign chips, the US tier fills 0.5 × 0.6 = 0.3 and the domestic tier the remaining 0.7:
 * E1 = 0.3·1.15 + 0.7·2.0 = 1.745. The AI marginal cost must rise by exactly E1 / E0 (no cost trend, no lease).
 * The old step rule (the first tier with any licence probability) left it unchanged at 1.15 / 1.15.
 */
class ExpectedChipCostTest {
    private static final double LICENCE = 0.5;
    private static final double LEVY = 0.15;
    private static final double REFUSAL = 0.4;

    private static MarketParams market() {
        MarketParams m = TestMarkets.stylised(List.of(new P("cn", Origin.CN, 0.2, 1.0, 0.5),
                new P("us", Origin.US, 0.3, 1.0, 0.5)), 3.0, 0.0, 0, 1, 500, 4, PricingRuleKind.MARKUP);
        Map<String, ChipTierParams> tiers = new LinkedHashMap<>();
        tiers.put("frontier", new ChipTierParams(Origin.US, 1, 1, 1, 0, null));
        tiers.put("domestic", new ChipTierParams(Origin.CN, 0.6, 1.2, 1, 0, null));
        Map<String, ProviderParams> pp = new LinkedHashMap<>();
        for (var e : m.providers().entrySet()) {
            ProviderParams p = e.getValue();
            pp.put(e.getKey(), new ProviderParams(p.name(), p.origin(), p.countries(), p.initialShare(),
                    p.flowShare(), p.aiQuality(), p.general(), p.ai(), List.of("frontier", "domestic"), p.pricing(),
                    p.investment(), p.egressLevel(), p.licensingWedge()));
        }
        return new MarketParams(m.startQuarter(), m.quarters(), m.buyerCount(), m.settings(), m.countries(),
                m.segments(), tiers, pp, List.of(new MarketParams.ExportRule("frontier", Origin.CN, LICENCE, LEVY)),
                m.screening(), m.structural());
    }

    @Test
    void counterGuidanceRaisesTheAiCostByTheRatioOfExpectedChipCosts() {
        List<Double> costAi = new ArrayList<>();
        Recorder rec = new Recorder() {
            @Override
            public void onQuarter(QuarterSnapshot s) {
                costAi.add(s.providers().get(0).marginalCostAi());
            }

            @Override
            public void onEvent(EventRecord e) {
            }
        };
        var guidance = new ScheduledEvent(2.0, "2025Q3", new CounterGuidance(Origin.CN, REFUSAL), "guidance");
        new Market(market(), List.of(guidance), 7, 0, rec).run();
        double e0 = LICENCE * (1 + LEVY) + (1 - LICENCE) * 1.2 / 0.6;
        double filledUs = LICENCE * (1 - REFUSAL);
        double e1 = filledUs * (1 + LEVY) + (1 - filledUs) * 1.2 / 0.6;
        assertEquals(costAi.get(0), costAi.get(1), 1e-12, "no change before the guidance");
        assertEquals(e1 / e0, costAi.get(2) / costAi.get(1), 1e-12, "expected-cost ratio after the guidance");
    }
}
