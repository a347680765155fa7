package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.cloudmarket.model.events.AiDemandShock;
import eu.cloudmarket.model.events.CapacityBuild;
import eu.cloudmarket.model.events.CapacityLease;
import eu.cloudmarket.model.events.CounterGuidance;
import eu.cloudmarket.model.events.DomesticChipRamp;
import eu.cloudmarket.model.events.ExportControlChange;
import eu.cloudmarket.model.events.InvestmentScreening;
import eu.cloudmarket.model.events.LicensingRemedy;
import eu.cloudmarket.model.events.MarketAccessExclusion;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.PriceChange;
import eu.cloudmarket.model.events.RegulatoryDesignation;
import eu.cloudmarket.model.events.SovereignOfferLaunch;
import eu.cloudmarket.model.events.SovereigntyShock;
import eu.cloudmarket.model.events.SwitchingFeeChange;
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
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per event type (E1–E14, issue 3 acceptance 1): applying the event changes exactly the state variables it
 * names (and the costs derived from them), and nothing else. The market's {@link MarketView#stateVector()} is compared
 * before and after.
 */
class EventEffectsTest {

    /** Providers a (US), b (EU), c (CN); countries X, Y; segments s1, s2; tiers frontier (US) and domestic (CN). */
    static Market fixture() {
        Map<String, ProviderParams> pp = new LinkedHashMap<>();
        pp.put("a", provider("a", Origin.US, List.of("all"), 0.4, 0.1));
        pp.put("b", provider("b", Origin.EU, List.of("all"), 0.2, 0.0));
        pp.put("c", provider("c", Origin.CN, List.of("X"), 0.05, 0.0));
        Map<String, SegmentParams> segs = new LinkedHashMap<>();
        segs.put("s1", new SegmentParams(0.5, 3, 0.2, 0.3, 1.0, 0.5, 0.1, 2, 0.5, 0.2, 4, 0.5, 0.1, 0.5, 0.3));
        segs.put("s2", new SegmentParams(0.5, 4, 0.2, 0.1, 0.5, 2.0, 0.5, 1, 0.5, 0.2, 2, 0.7, 0.3, 0.5, 0.0));
        Map<String, ChipTierParams> tiers = new LinkedHashMap<>();
        tiers.put("frontier", new ChipTierParams(Origin.US, 1, 1, 2, 0, null));
        tiers.put("domestic", new ChipTierParams(Origin.CN, 0.3, 0.6, 2, 0.3, 0.0));
        Map<String, Double> countries = new LinkedHashMap<>();
        countries.put("X", 0.6);
        countries.put("Y", 0.4);
        MarketParams params = new MarketParams("2025Q1", 8, 3000,
                new MarketParams.MarketSettings(10, 0.3, 0.1, 1.0, -0.05, 2.7, "configured", 0, 0), countries, segs, tiers, pp,
                List.of(), new MarketParams.ScreeningParams(List.of(Origin.CN), 2, 0.5, 0.3, 0.1), null);
        return new Market(params, List.of(), 3, 0, Recorder.NONE);
    }

    private static ProviderParams provider(String id, Origin o, List<String> countries, double share, double wedge) {
        List<String> chips = o == Origin.CN ? List.of("frontier", "domestic") : List.of("frontier");
        return new ProviderParams(id, o, countries, share, null, 0.8, new ProductParams(1.0, 0.6, 0.7),
                new ProductParams(1.2, 0.7, 0.8), chips, new PricingParams(PricingParams.PricingRuleKind.ADJUST, 0.5, 0.5),
                new InvestmentParams(0.8, "build", 4, 1, 0.2, 0.02), 0.5, wedge);
    }

    static Set<String> changedKeys(Market m, MarketEvent e) {
        SortedMap<String, Double> before = m.view().stateVector();
        e.applyTo(m.controls());
        SortedMap<String, Double> after = m.view().stateVector();
        assertEquals(before.keySet(), after.keySet());
        Set<String> changed = new TreeSet<>();
        for (String k : before.keySet()) {
            if (Double.compare(before.get(k), after.get(k)) != 0) {
                changed.add(k);
            }
        }
        return changed;
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new PriceChange("a", "general", 10, "list", 2),
                        Set.of("a.priceGeneral", "a.priceHeldThrough")),
                Arguments.of(new PriceChange("b", "ai", 20, "cost", 0), Set.of("b.costAi")),
                Arguments.of(new ExportControlChange("frontier", Origin.CN, 0.5, 0.15),
                        Set.of("exportRule.frontier.CN.licenceProbability", "exportRule.frontier.CN.levy", "c.costAi")),
                Arguments.of(new CounterGuidance(Origin.CN, 0.75), Set.of("counterGuidance.CN")),
                Arguments.of(new DomesticChipRamp("c", "domestic", 0.1, 0.4),
                        Set.of("c.tierVolume.domestic", "c.tierPerformance.domestic")),
                Arguments.of(new InvestmentScreening("c", "X", "block", 0, true), Set.of("c.screeningStanding")),
                Arguments.of(new SovereigntyShock(Origin.US, Map.of("s1", 0.5), 4), Set.of("segment.s1.betaUs")),
                Arguments.of(new SovereigntyShock(Origin.CN, Map.of("s2", 0.7), 4), Set.of("segment.s2.betaCn")),
                Arguments.of(new SovereignOfferLaunch("a", 0.5, 0.1),
                        Set.of("a.exposureUs", "a.costGeneral", "a.costAi")),
                Arguments.of(new SwitchingFeeChange(List.of("a"), 0.0), Set.of("a.egressLevel")),
                Arguments.of(new LicensingRemedy(List.of("b"), 0.2), Set.of("b.licensingWedge")),
                Arguments.of(new CapacityLease("b", "general", 0.5, 1, 0.2, "Y"),
                        Set.of("b.pendingOrders", "b.pipelineGeneral")),
                Arguments.of(new CapacityBuild("c", "general", 0.5, 4, "Y"),
                        Set.of("c.pendingOrders", "c.pipelineGeneral", "c.ordersAwaitingReview")),
                Arguments.of(new MarketAccessExclusion("X", "c", 0, false), Set.of("c.excluded.X")),
                Arguments.of(new RegulatoryDesignation(List.of("a"), 0.5, true, 0),
                        Set.of("a.switchingTechMultiplier", "a.licensingWedge")),
                Arguments.of(new AiDemandShock(List.of("s2"), 1.5, 2.0),
                        Set.of("segment.s2.growthIndex", "segment.s2.aiIntensity")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventChangesExactlyTheStateItNames(MarketEvent event, Set<String> expected) {
        assertEquals(new TreeSet<>(expected), changedKeys(fixture(), event), event.type());
    }

    @Test
    void everyEventTypeIsCovered() {
        Set<String> covered = new TreeSet<>();
        events().forEach(a -> covered.add(((MarketEvent) a.get()[0]).type()));
        assertEquals(14, covered.size(), "one test per event type E1-E14: " + covered);
    }

    @Test
    void leasedCapacityArrivesAfterItsLeadTimeAndOpensTheCountry() {
        Market m = fixture();
        double cap0 = m.view().capacityGeneral(1);
        new CapacityLease("b", "general", 0.5, 1, 0.2, "Y").applyTo(m.controls());
        // b already serves all countries; use c, which serves only X, for the entry check.
        new CapacityLease("c", "general", 0.5, 1, 0.2, "Y").applyTo(m.controls());
        assertEquals(0.0, m.view().stateVector().get("c.serves.Y"));
        m.scheduler().runUntil(1.5);
        assertEquals(1.0, m.view().stateVector().get("c.serves.Y"));
        org.junit.jupiter.api.Assertions.assertTrue(m.view().capacityGeneral(1) > cap0);
    }

    @Test
    void aBlockWithoutLeaseFallbackCancelsThePendingBuildAndItsCountryEntry() {
        Market m = fixture();
        new CapacityBuild("c", "general", 0.5, 2, "Y").applyTo(m.controls());
        new InvestmentScreening("c", "Y", "block", 1, false).applyTo(m.controls());
        m.scheduler().runUntil(6);
        SortedMap<String, Double> s = m.view().stateVector();
        assertEquals(0.0, s.get("c.serves.Y"));
        assertEquals(0.0, s.get("c.ordersAwaitingReview"));
        assertEquals(4.0, s.get("c.screeningStanding"));
    }

    @Test
    void aSovereigntyShockDecaysWithItsHalfLife() {
        Market m = fixture();
        double base = m.view().sovereigntyAversion(0, Origin.US);
        new SovereigntyShock(Origin.US, Map.of("s1", 0.8), 2).applyTo(m.controls());
        m.scheduler().runUntil(2.0); // quarter starts at 0 and 1 have run; the clock is at the last event
        double t = Math.floor(m.scheduler().now()); // shocks decay quarter by quarter
        assertEquals(1.0, t);
        assertEquals(base + 0.8 * Math.pow(0.5, t / 2), m.view().sovereigntyAversion(0, Origin.US), 1e-12);
    }

    /**
     * Every provider excluded everywhere: once all contracts have renewed every buyer is on premises, the books of
     * every provider and segment are empty, and the revenue shares within each segment are exactly zero (not ratios
     * of what rounding left in the running sums).
     */
    @Test
    void whenEveryBuyerHasLeftTheBooksAreExactlyEmpty() {
        Market m = fixture();
        for (int c = 0; c < m.view().countryCount(); c++) {
            for (int j = 0; j < m.view().providerCount(); j++) {
                m.controls().exclude(c, j, 0, false);
            }
        }
        m.run();
        QuarterSnapshot last = m.lastSnapshot();
        assertEquals(0, last.buyersInCloud(), "every buyer has left the cloud after the longest contract");
        for (double[] shares : last.segmentShares()) {
            for (double x : shares) {
                assertEquals(0.0, x, "revenue share within a segment nobody buys in");
            }
        }
        for (ProviderQuarter p : last.providers()) {
            assertEquals(0.0, p.revenue(), "revenue of " + p.provider());
        }
    }
}
