package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.InvestmentParams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.PricingParams;
import eu.cloudmarket.model.params.ProductParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.model.params.SegmentParams;
import eu.cloudmarket.model.params.StructuralParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limit case in which theory signs the effect of entry (issue 23): identical buyers (one segment, no taste
 * dispersion, no switching costs, one-quarter contracts) and static Bertrand-Nash pricing. A provider serving one of
 * two countries opens in the other, with every structural parameter (qualities, outside utilities, costs) held at the
 * values estimated in the narrower market. Logit-Bertrand theory says: the entrant's share rises, every rival's Nash
 * price weakly falls (its share, and so its markup 1/(α(1−s)), falls), and consumer surplus rises (a wider choice
 * set at lower prices). With heterogeneous buyers the price effect is not signed (entry can leave an incumbent the
 * less price-sensitive buyers); see FixedEstimatesTest for the baseline.
 */
class FixedQualitiesEntryTest {
    private static final double ALPHA = 3.0;
    private static final int QUARTERS = 6;
    private static final long[] SEEDS = {1, 2, 3};

    @Test
    void entryAtFixedQualitiesRaisesShareLowersRivalPricesAndRaisesSurplus() {
        List<String> misses = new ArrayList<>();
        for (long seed : SEEDS) {
            MarketParams narrow = market(List.of("X"));
            Market estimating = new Market(narrow, List.of(), seed, 0, Recorder.NONE);
            StructuralParams estimates = estimating.estimates(null);
            Recording before = run(narrow.withStructural(estimates), seed);
            Recording after = run(market(List.of("all")).withStructural(estimates), seed);
            for (int k = 0; k < QUARTERS; k++) {
                QuarterSnapshot b = before.quarters.get(k);
                QuarterSnapshot a = after.quarters.get(k);
                check(misses, seed, k, "entrant's share rises", b.providers().get(2).revenueShare(),
                        a.providers().get(2).revenueShare(), true);
                for (int j = 0; j < 2; j++) {
                    check(misses, seed, k, "rival " + j + "'s price weakly falls",
                            a.providers().get(j).priceGeneral(), b.providers().get(j).priceGeneral() * (1 + 1e-12),
                            false);
                }
                check(misses, seed, k, "consumer surplus rises", b.consumerSurplus()[0], a.consumerSurplus()[0],
                        true);
            }
        }
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    private static void check(List<String> misses, long seed, int k, String what, double lo, double hi,
            boolean strict) {
        if (strict ? !(hi > lo) : !(hi >= lo)) {
            misses.add(String.format(Locale.ROOT, "seed %d, quarter %d: %s: %.8f vs %.8f", seed, k, what, lo, hi));
        }
    }

    private record Recording(List<QuarterSnapshot> quarters) implements Recorder {
        @Override
        public void onQuarter(QuarterSnapshot s) {
            quarters.add(s);
        }

        @Override
        public void onEvent(EventRecord e) {
        }
    }

    private static Recording run(MarketParams p, long seed) {
        Recording r = new Recording(new ArrayList<>());
        new Market(p, List.of(), seed, 0, r).run();
        return r;
    }

    /** Two equal countries, two providers everywhere and a third in {@code entrantCountries}. */
    private static MarketParams market(List<String> entrantCountries) {
        Map<String, ProviderParams> pp = new LinkedHashMap<>();
        pp.put("a", provider("a", List.of("all"), 0.5, 1.0, 0.6));
        pp.put("b", provider("b", List.of("all"), 0.35, 0.95, 0.6));
        pp.put("c", provider("c", entrantCountries, 0.15, 0.9, 0.6));
        SegmentParams seg = new SegmentParams(1.0, ALPHA, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0.6, 0, 0, 0);
        Map<String, Double> countries = new LinkedHashMap<>();
        countries.put("X", 0.5);
        countries.put("Y", 0.5);
        return new MarketParams("2025Q1", QUARTERS, 4000,
                new MarketParams.MarketSettings(10, 0, 0, 1.0, 0, 2.7, "configured", 0, 0), countries,
                Map.of("all_buyers", seg), Map.of("frontier", new ChipTierParams(Origin.US, 1, 1, 1, 0, null)), pp,
                List.of(), new MarketParams.ScreeningParams(List.of(), 0, 1, 0, 0), null);
    }

    private static ProviderParams provider(String id, List<String> countries, double share, double price,
            double cost) {
        return new ProviderParams(id, Origin.US, countries, share, null, 0.0, new ProductParams(price, cost, 0.01),
                new ProductParams(1.0, 0.5, 0.01), List.of("frontier"),
                new PricingParams(PricingParams.PricingRuleKind.NASH, 1.0, 0.5),
                new InvestmentParams(0.8, "build", 1, 0, 0, 0), 1.0, 0.0);
    }
}
