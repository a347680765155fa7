package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The procurement rule (E15, {@code configs/scenarios/eu-sovereignty-rule.yaml}) acts on choice sets, not tastes:
 * after it, no public buyer signs with a provider exposed to US or Chinese jurisdiction (at paired seeds the baseline's
 * public buyers do), while every preference the run holds (qualities, outside utilities, sovereignty aversions) is
 * the baseline's in every quarter, so the fall in the public sector's consumer surplus is a welfare effect at fixed
 * preferences.
 */
class ProcurementRuleTest {
    private static final List<String> SMALL = List.of("buyers.count=3000", "horizon.quarters=16",
            "horizon.truncateEvents=true");
    /** 2026Q2, the quarter of the rule (3 June 2026) from the 2025Q1 start. */
    private static final int RULE_QUARTER = 5;

    @Test
    void publicBuyersSignOnlyWithEligibleProvidersAtUnchangedPreferences() {
        Outcome rule = run("configs/scenarios/eu-sovereignty-rule.yaml");
        Outcome base = run("configs/baseline.yaml");
        int eu = rule.market.view().roster().providerIndex("eu");
        int signedAfter = rule.publicSignedSince(RULE_QUARTER, eu, false);
        assertTrue(signedAfter > 100, "public buyers renewed after the rule: " + signedAfter);
        assertEquals(0, rule.publicSignedSince(RULE_QUARTER, eu, true),
                "public buyers under contract with a non-EU provider signed after the rule");
        assertTrue(base.publicSignedSince(RULE_QUARTER, eu, true) > 0,
                "without the rule public buyers sign with non-EU providers (the check can fail)");
        for (int k = 0; k < rule.preferences.size(); k++) {
            assertArrayEquals(base.preferences.get(k), rule.preferences.get(k), 0, "preferences in quarter " + k);
        }
        int last = rule.quarters.size() - 1;
        double csRule = rule.quarters.get(last).consumerSurplus()[0];
        double csBase = base.quarters.get(last).consumerSurplus()[0];
        assertTrue(csRule < csBase, "the rule costs public buyers surplus: " + csRule + " vs " + csBase);
    }

    private record Outcome(Market market, List<QuarterSnapshot> quarters, List<double[]> preferences) {
        /**
         * Public buyers (segment 0) whose last contract was signed in quarter {@code from} or later, counting those
         * with provider {@code eu} or on premises ({@code nonEu} false) or those with any other provider (true).
         */
        int publicSignedSince(int from, int eu, boolean nonEu) {
            Buyers b = market.view().buyers();
            int contract = market.view().roster().sp[0].contractQuarters();
            int n = 0;
            for (int i = 0; i < b.n; i++) {
                boolean other = b.provider[i] != eu && b.provider[i] != b.onPremises;
                if (b.segment[i] == 0 && b.renewQuarter[i] - contract >= from && other == nonEu) {
                    n++;
                }
            }
            return n;
        }
    }

    private static Outcome run(String config) {
        Scenario s = new ScenarioLoader().load(Path.of(config), SMALL, null);
        List<QuarterSnapshot> quarters = new ArrayList<>();
        List<double[]> preferences = new ArrayList<>();
        Market[] holder = new Market[1];
        Recorder rec = new Recorder() {
            @Override
            public void onQuarter(QuarterSnapshot q) {
                quarters.add(q);
                preferences.add(preferences(holder[0].view()));
            }

            @Override
            public void onEvent(EventRecord e) {
            }
        };
        holder[0] = new Market(s.params(), s.events(), s.stochastic(), s.seed(), 0, rec);
        holder[0].run();
        return new Outcome(holder[0], quarters, preferences);
    }

    /** Qualities, outside utilities and sovereignty aversions of the quarter (the tables are fresh at recording). */
    private static double[] preferences(MarketView v) {
        List<Double> out = new ArrayList<>();
        for (int j = 0; j < v.providerCount(); j++) {
            out.add(v.quality(j));
        }
        for (int g = 0; g < v.segmentCount(); g++) {
            out.add(v.utilities().outsideUtilities()[g]); // with the adoption drift of the quarter
            out.add(v.sovereigntyAversion(g, Origin.US));
            out.add(v.sovereigntyAversion(g, Origin.CN));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
