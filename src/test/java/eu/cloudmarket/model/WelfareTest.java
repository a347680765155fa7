package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.InvestmentParams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.PricingParams;
import eu.cloudmarket.model.params.ProductParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.model.params.SegmentParams;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consumer surplus (issue 23, item 2) against an independent closed form, and its decomposition against the surplus
 * itself. The closed form is the log-sum written out for a market of three buyers with their own price sensitivities
 * α_i, two providers in one origin nest and the outside option:
 *
 * <pre>
 *   CS = Σ_i q_i · (ln(e^{V_0} + (e^{V_i1/(1−σ)} + e^{V_i2/(1−σ)})^{1−σ}) − V_0) / α_i,   V_ij = U_j − α_i p_ij
 * </pre>
 *
 * with p_ij the contract price for the buyer's own provider and the list price for the other.
 */
class WelfareTest {
    private static final int BUYERS = 3;

    @ParameterizedTest(name = "sigma = {0}")
    @ValueSource(doubles = {0.0, 0.5})
    void surplusEqualsTheClosedFormLogSumAtEachBuyersAlpha(double sigma) {
        List<QuarterSnapshot> quarters = new ArrayList<>();
        Market m = new Market(market(sigma), List.of(), 7, 0, recorder(quarters));
        m.run();
        MarketView view = m.view();
        Buyers b = view.buyers();
        UtilityTables tables = view.utilities();
        double alphaMean = view.roster().sp[0].alpha();
        double expected = 0;
        java.util.Set<Double> alphas = new java.util.HashSet<>();
        for (int i = 0; i < BUYERS; i++) {
            double alpha = alphaMean * b.alphaMult[i];
            alphas.add(alpha);
            double u0 = tables.u0[0];
            double nest = 0;
            for (int j = 0; j < 2; j++) {
                double price = j == b.provider[i] ? b.priceGeneral[i] : view.priceGeneral(j);
                double vj = tables.baseU[0][j] - alpha * price;
                nest += Math.exp(vj / (1 - sigma));
            }
            double logSum = Math.log(Math.exp(u0) + Math.pow(nest, 1 - sigma));
            expected += b.workload[i] * (logSum - u0) / alpha;
        }
        assertEquals(BUYERS, alphas.size(), "the buyers have their own price sensitivities");
        QuarterSnapshot last = quarters.get(quarters.size() - 1);
        double gross = last.welfare().gross()[0];
        assertEquals(expected, gross, 1e-9 * Math.abs(expected), "gross surplus vs the closed form");
        assertEquals(gross - last.welfare().switchingPaid()[0], last.consumerSurplus()[0], 1e-12);
    }

    @Test
    void priceChoiceAndSwitchingPartsSumToTheChange() {
        // The decomposition of the baseline (events, drift, entry of capacity, switching) sums to the change of the
        // surplus since the first quarter, segment by segment and quarter by quarter.
        Scenario s = new ScenarioLoader().load(Path.of("configs/baseline.yaml"),
                List.of("buyers.count=3000", "horizon.quarters=16", "horizon.truncateEvents=true"), null);
        List<QuarterSnapshot> quarters = new ArrayList<>();
        new Market(s.params(), s.events(), s.stochastic(), s.seed(), 0, recorder(quarters)).run();
        double[] first = quarters.get(0).consumerSurplus();
        boolean pricesMoved = false;
        for (QuarterSnapshot q : quarters) {
            ConsumerWelfare w = q.welfare();
            for (int g = 0; g < first.length; g++) {
                double change = q.consumerSurplus()[g] - first[g];
                double parts = w.priceChange()[g] + w.choiceChange()[g] + w.switchingChange()[g];
                assertEquals(change, parts, 1e-12 * (1 + Math.abs(q.consumerSurplus()[g])),
                        q.label() + " segment " + g);
                pricesMoved |= Math.abs(w.priceChange()[g]) > 1e-3;
            }
        }
        assertTrue(pricesMoved, "the price part is not trivially zero");
    }

    private static Recorder recorder(List<QuarterSnapshot> out) {
        return new Recorder() {
            @Override
            public void onQuarter(QuarterSnapshot s) {
                out.add(s);
            }

            @Override
            public void onEvent(EventRecord e) {
            }
        };
    }

    /**
     * One country, one segment of three buyers with dispersed α (no AI share, no switching costs, no growth, no cost
     * trend, so units per workload and the technology index are 1), two US providers with fixed markups, one quarter.
     */
    private static MarketParams market(double sigma) {
        Map<String, ProviderParams> pp = new LinkedHashMap<>();
        pp.put("a", provider("a", 0.4, 1.0));
        pp.put("b", provider("b", 0.3, 0.9));
        SegmentParams seg = new SegmentParams(1.0, 2.0, 0.5, 0, 0, 0, 0, 0, 0, 0, 1, 0.6, 0, 0.5, 0);
        return new MarketParams("2025Q1", 1, BUYERS,
                new MarketParams.MarketSettings(10, sigma, 0, 1.0, 0, 2.7, "configured", 0, 0), Map.of("X", 1.0),
                Map.of("all_buyers", seg), Map.of("frontier", new ChipTierParams(Origin.US, 1, 1, 1, 0, null)), pp,
                List.of(), new MarketParams.ScreeningParams(List.of(), 0, 1, 0, 0), null);
    }

    private static ProviderParams provider(String id, double share, double price) {
        return new ProviderParams(id, Origin.US, List.of("all"), share, null, 0.0,
                new ProductParams(price, 0.5, 0.01), new ProductParams(1.0, 0.5, 0.01), List.of("frontier"),
                new PricingParams(PricingParams.PricingRuleKind.MARKUP, 1.0, 0.5),
                new InvestmentParams(0.8, "build", 1, 0, 0, 0), 1.0, 0.0);
    }
}
