package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.TestMarkets.P;
import eu.cloudmarket.model.params.PricingParams.PricingRuleKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation against the analytic logit Bertrand–Nash equilibrium (domain.md §2.2): one segment, no switching cost,
 * every buyer re-choosing every quarter, no capacity limit, rule nash. The simulated prices must converge to the
 * fixed point of the first-order conditions, which this test solves on its own from the market's calibrated
 * qualities δ_j and outside utility.
 */
class BertrandNashTest {
    private static final double ALPHA = 3.0;

    private static List<P> asymmetric() {
        return List.of(new P("a", Origin.US, 0.30, 1.0, 0.50), new P("b", Origin.US, 0.20, 1.1, 0.65),
                new P("c", Origin.EU, 0.10, 0.9, 0.40));
    }

    /** Nested-logit shares with nests by origin and the outside option alone (σ = 0 gives plain logit). */
    static double[] shares(double[] delta, double[] price, Origin[] origin, double alpha, double sigma, double u0,
            double[] withinNest) {
        int n = delta.length;
        double[] e = new double[n];
        double[] nestSum = new double[Origin.values().length];
        for (int j = 0; j < n; j++) {
            e[j] = Math.exp((delta[j] - alpha * price[j]) / (1 - sigma));
            nestSum[origin[j].ordinal()] += e[j];
        }
        double denom = Math.exp(u0);
        for (double s : nestSum) {
            if (s > 0) {
                denom += Math.pow(s, 1 - sigma);
            }
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double sn = nestSum[origin[j].ordinal()];
            withinNest[j] = e[j] / sn;
            out[j] = withinNest[j] * Math.pow(sn, 1 - sigma) / denom;
        }
        return out;
    }

    /** Solves p_j = c_j + (1−σ)/(α[1 − σ s_(j|g) − (1−σ) s_j]) by damped fixed-point iteration. */
    static double[] equilibrium(double[] delta, double[] cost, Origin[] origin, double alpha, double sigma, double u0) {
        int n = delta.length;
        double[] p = cost.clone();
        double[] within = new double[n];
        for (int it = 0; it < 20000; it++) {
            double[] s = shares(delta, p, origin, alpha, sigma, u0, within);
            double maxChange = 0;
            for (int j = 0; j < n; j++) {
                double target = cost[j] + (1 - sigma) / (alpha * (1 - sigma * within[j] - (1 - sigma) * s[j]));
                double next = p[j] + 0.5 * (target - p[j]);
                maxChange = Math.max(maxChange, Math.abs(next - p[j]));
                p[j] = next;
            }
            if (maxChange < 1e-13) {
                return p;
            }
        }
        throw new AssertionError("reference fixed point did not converge");
    }

    private static void assertConvergesToAnalyticEquilibrium(double sigma) {
        List<P> ps = asymmetric();
        Market m = new Market(TestMarkets.stylised(ps, ALPHA, sigma, 0, 1, 2000, 30, PricingRuleKind.NASH), List.of(),
                5, 0, Recorder.NONE);
        m.run();
        int n = ps.size();
        double[] cost = new double[n];
        Origin[] origin = new Origin[n];
        for (int j = 0; j < n; j++) {
            cost[j] = ps.get(j).cost();
            origin[j] = ps.get(j).origin();
        }
        MarketView view = m.view();
        double[] expected = equilibrium(qualities(view), cost, origin, ALPHA, sigma, view.outsideUtility(0));
        for (int j = 0; j < n; j++) {
            double got = view.priceGeneral(j);
            assertEquals(expected[j], got, 0.005 * expected[j],
                    "provider " + ps.get(j).id() + " price vs analytic Nash (σ=" + sigma + ")");
        }
        // Asymmetry matters: the cheapest-cost provider does not simply charge cost + 1/α.
        assertTrue(Math.abs(expected[0] - expected[1]) > 0.01);
    }

    @Test
    void plainLogitPricesConvergeToTheBertrandNashFixedPoint() {
        assertConvergesToAnalyticEquilibrium(0.0);
    }

    @Test
    void nestedLogitPricesConvergeToTheNestedFormula() {
        assertConvergesToAnalyticEquilibrium(0.4);
    }

    /** The calibrated qualities δ_j of every provider. */
    static double[] qualities(MarketView view) {
        double[] delta = new double[view.providerCount()];
        for (int j = 0; j < delta.length; j++) {
            delta[j] = view.quality(j);
        }
        return delta;
    }
}
