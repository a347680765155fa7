package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.cloudmarket.model.TestMarkets.P;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.PricingParams;
import eu.cloudmarket.model.params.PricingParams.PricingRuleKind;
import eu.cloudmarket.model.params.ProviderParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partial adjustment ({@code adjust}) in a market that is stationary in real terms: costs fall by the technology
 * trend and buyers deflate prices by it, so the Nash prices fall at the same rate and every real quantity is
 * constant. Adjusting toward that moving best response must converge to the Nash prices of the same market (within
 * 0.5 %), not settle above them as a rule adjusting the nominal price does (7 % here: the lag λg/(g − 1 + λ) − 1 =
 * 5.2 % of one provider, amplified by rivals' higher prices).
 */
class AdjustRuleTest {
    private static final double ALPHA = 3.0;
    private static final double COST_TREND = -0.08;
    private static final double SPEED = 0.3;
    private static final int QUARTERS = 60;

    private static List<P> providers() {
        return List.of(new P("a", Origin.US, 0.30, 1.0, 0.50), new P("b", Origin.US, 0.20, 1.1, 0.65),
                new P("c", Origin.EU, 0.10, 0.9, 0.40));
    }

    /** The stylised market with a cost trend and every provider on the given rule. */
    private static MarketParams market(PricingRuleKind rule) {
        MarketParams m = TestMarkets.stylised(providers(), ALPHA, 0.3, 0, 1, 2000, QUARTERS, rule);
        Map<String, ProviderParams> pp = new LinkedHashMap<>();
        for (var e : m.providers().entrySet()) {
            ProviderParams p = e.getValue();
            pp.put(e.getKey(), new ProviderParams(p.name(), p.origin(), p.countries(), p.initialShare(), p.flowShare(),
                    p.aiQuality(), p.general(), p.ai(), p.chips(), new PricingParams(rule, SPEED, 0.5),
                    p.investment(), p.egressLevel(), p.licensingWedge()));
        }
        MarketParams.MarketSettings s = m.settings();
        return new MarketParams(m.startQuarter(), m.quarters(), m.buyerCount(),
                new MarketParams.MarketSettings(s.initialRevenueEurBnPerQuarter(), s.nestingSigma(),
                        s.adoptionDriftPerYear(), s.adoptionCeiling(), COST_TREND, s.aiReferencePriceEurPerGpuHour(),
                        s.marginalCosts(), s.buildCapexPerUnit(), s.chipCapexPerUnit()),
                m.countries(), m.segments(), m.chipTiers(), pp, m.exportControls(), m.screening(), m.structural());
    }

    private static double[] finalPrices(PricingRuleKind rule) {
        Market m = new Market(market(rule), List.of(), 11, 0, Recorder.NONE);
        m.run();
        MarketView view = m.view();
        double[] p = new double[view.providerCount()];
        for (int j = 0; j < p.length; j++) {
            p[j] = view.priceGeneral(j);
        }
        return p;
    }

    @Test
    void adjustConvergesToNashWhenTheMarketIsStationaryInRealTerms() {
        double[] nash = finalPrices(PricingRuleKind.NASH);
        double[] adjust = finalPrices(PricingRuleKind.ADJUST);
        for (int j = 0; j < nash.length; j++) {
            assertEquals(nash[j], adjust[j], 0.005 * nash[j], "provider " + j + ": adjust vs nash after "
                    + QUARTERS + " quarters at " + COST_TREND + "/yr");
        }
    }
}
