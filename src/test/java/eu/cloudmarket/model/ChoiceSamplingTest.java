package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.TestMarkets.P;
import eu.cloudmarket.model.params.PricingParams.PricingRuleKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With many identical buyers, the simulated choice frequencies must match the (nested) logit probabilities within
 * three standard errors. Probabilities are computed independently with {@link BertrandNashTest#shares}.
 */
class ChoiceSamplingTest {
    private static void check(double sigma) {
        List<P> ps = List.of(new P("a", Origin.US, 0.35, 1.0, 0.5), new P("b", Origin.US, 0.15, 1.2, 0.6),
                new P("c", Origin.EU, 0.12, 0.9, 0.5), new P("d", Origin.CN, 0.03, 0.8, 0.5));
        int n = 200_000;
        Market m = new Market(TestMarkets.stylised(ps, 3.0, sigma, 0, 1, n, 1, PricingRuleKind.MARKUP), List.of(), 17,
                0, Recorder.NONE);
        double[] price = new double[ps.size()];
        Origin[] origin = new Origin[ps.size()];
        for (int j = 0; j < ps.size(); j++) {
            price[j] = ps.get(j).price();
            origin[j] = ps.get(j).origin();
        }
        double[] within = new double[ps.size()];
        MarketView view = m.view();
        double[] p = BertrandNashTest.shares(BertrandNashTest.qualities(view), price, origin, 3.0, sigma,
                view.outsideUtility(0), within);
        double outside = 1;
        for (int j = 0; j < ps.size(); j++) {
            outside -= p[j];
            double se = Math.sqrt(n * p[j] * (1 - p[j]));
            double count = view.customers(j, 0);
            assertTrue(Math.abs(count - n * p[j]) < 3 * se,
                    "provider " + ps.get(j).id() + ": " + count + " vs expected " + n * p[j] + " ± 3×" + se);
        }
        double se0 = Math.sqrt(n * outside * (1 - outside));
        assertTrue(Math.abs(view.customers(ps.size(), 0) - n * outside) < 3 * se0, "outside option frequency");
    }

    @Test
    void plainLogitFrequenciesMatchProbabilities() {
        check(0.0);
    }

    @Test
    void nestedLogitFrequenciesMatchProbabilities() {
        check(0.5);
    }
}
