package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.PriceElasticities.Product;
import eu.cloudmarket.model.TestMarkets.P;
import eu.cloudmarket.model.params.PricingParams.PricingRuleKind;
import eu.cloudmarket.output.RunRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The elasticities a market measures each quarter, end to end: in a plain-logit market of identical buyers without
 * switching costs they must have the logit's closed form, whatever the shares, so the test needs only the prices: a
 * rise in p_j moves every other supplier's demand by the same α·p_j·s_j (independence of irrelevant alternatives),
 * and j's own demand by α·p_j less (e_jj = −α·p_j·(1 − s_j)).
 */
class ElasticitiesTest {
    private static final double ALPHA = 3.0;
    private static final double TOLERANCE = 1e-9;

    @Test
    void identicalBuyersInAPlainLogitMarketHaveTheClosedForm() {
        List<P> ps = List.of(new P("a", Origin.US, 0.30, 1.0, 0.6), new P("b", Origin.US, 0.25, 1.0, 0.5),
                new P("c", Origin.EU, 0.15, 1.0, 0.7));
        RunRecorder rec = new RunRecorder();
        new Market(TestMarkets.stylised(ps, ALPHA, 0.0, 0.0, 4, 2000, 4, PricingRuleKind.MARKUP), List.of(), 3, 0,
                rec).run();
        assertEquals(4, rec.quarters().size());
        int nP = ps.size();
        for (QuarterSnapshot q : rec.quarters()) {
            PriceElasticities e = q.elasticities();
            assertNotNull(e, q.label());
            for (int j = 0; j < nP; j++) {
                double pj = q.providers().get(j).priceGeneral();
                double cross = e.elasticity(Product.GENERAL, j == 0 ? 1 : 0, j);
                assertTrue(cross > 0, q.label() + " cross elasticity " + cross);
                for (int to = 0; to <= nP; to++) {
                    double expected = to == j ? cross - ALPHA * pj : cross;
                    assertEquals(expected, e.elasticity(Product.GENERAL, to, j), TOLERANCE,
                            q.label() + " e[" + to + "][" + j + "]");
                }
                // The stylised buyers have no AI workload: there is no AI demand to respond.
                assertTrue(Double.isNaN(e.elasticity(Product.AI, j, j)), q.label() + " AI elasticity");
            }
        }
    }

    /** Sweeps record with recorders that do not ask for elasticities: they are not measured, and results match. */
    @Test
    void aRecorderThatDoesNotWantElasticitiesGetsNoneAndTheSameOutcomes() {
        List<P> ps = List.of(new P("a", Origin.US, 0.30, 1.0, 0.6), new P("b", Origin.EU, 0.25, 1.0, 0.5));
        RunRecorder full = new RunRecorder();
        new Market(TestMarkets.stylised(ps, ALPHA, 0.3, 0.5, 4, 2000, 4, PricingRuleKind.NASH), List.of(), 5, 0, full)
                .run();
        List<QuarterSnapshot> plain = new java.util.ArrayList<>();
        new Market(TestMarkets.stylised(ps, ALPHA, 0.3, 0.5, 4, 2000, 4, PricingRuleKind.NASH), List.of(), 5, 0,
                new Recorder() {
                    @Override
                    public void onQuarter(QuarterSnapshot snapshot) {
                        plain.add(snapshot);
                    }

                    @Override
                    public void onEvent(EventRecord event) {
                    }
                }).run();
        assertEquals(full.quarters().size(), plain.size());
        for (int k = 0; k < plain.size(); k++) {
            assertNull(plain.get(k).elasticities());
            for (int j = 0; j < ps.size(); j++) {
                ProviderQuarter a = full.quarters().get(k).providers().get(j);
                ProviderQuarter b = plain.get(k).providers().get(j);
                assertEquals(a.priceGeneral(), b.priceGeneral());
                assertEquals(a.revenueShare(), b.revenueShare());
                assertEquals(a.customers(), b.customers());
            }
        }
    }
}
