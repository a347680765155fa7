package eu.cloudmarket.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final List<String> PROVIDERS = List.of("aws", "eu", "alibaba");
    private static final List<String> SEGMENTS = List.of("public", "sme");

    @Test
    void wildcardsExpandInConfiguredOrderAndDuplicatesCollapse() {
        assertEquals(List.of("final_share.aws", "final_share.eu", "final_share.alibaba", "mean_price_ai",
                "consumer_surplus_total.public", "consumer_surplus_total.sme"),
                Metrics.resolve(List.of("final_share.*", "mean_price_ai", "final_share.eu",
                        "consumer_surplus_total.*"), PROVIDERS, SEGMENTS));
    }

    @Test
    void badNamesSayWhatIsWrongAndWhere() {
        Metrics.BadMetric e = assertThrows(Metrics.BadMetric.class,
                () -> Metrics.resolve(List.of("mean_price_ai", "final_share.tencent"), PROVIDERS, SEGMENTS));
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("unknown provider 'tencent'"), e.getMessage());
        assertTrue(assertThrows(Metrics.BadMetric.class, () -> Metrics.resolve(List.of("final_share"), PROVIDERS,
                SEGMENTS)).getMessage().contains("needs a provider"));
        assertTrue(assertThrows(Metrics.BadMetric.class, () -> Metrics.resolve(List.of("hhi_final.aws"), PROVIDERS,
                SEGMENTS)).getMessage().contains("no suffix"));
        assertTrue(assertThrows(Metrics.BadMetric.class, () -> Metrics.resolve(List.of("share"), PROVIDERS,
                SEGMENTS)).getMessage().contains("known:"));
    }

    @Test
    void everyCatalogueEntryHasAUnitAndADescription() {
        for (Metrics.Family f : Metrics.CATALOGUE) {
            assertTrue(!f.unit().isBlank() && !f.description().isBlank(), f.pattern());
        }
        assertEquals("fraction", Metrics.unit("final_share.eu"));
        assertEquals("EUR bn", Metrics.unit("consumer_surplus_total"));
    }

    /** Every catalogued metric has a readable chart label with the entity's display name and the unit. */
    @Test
    void everyMetricHasAReadableLabelWithItsUnit() {
        assertEquals(new eu.cloudmarket.output.MetricLabel("AWS revenue share, final quarter", "fraction"),
                Metrics.label("final_share.aws"));
        assertEquals("Public sector: consumer surplus, sum over quarters (EUR bn)",
                Metrics.label("consumer_surplus_total.public").axis());
        for (Metrics.Family f : Metrics.CATALOGUE) {
            String m = switch (f.scope()) {
                case MARKET -> f.family();
                case PROVIDER -> f.family() + ".aws";
                case SEGMENT -> f.family() + ".public";
            };
            var l = Metrics.label(m);
            assertTrue(!l.title().contains("%s") && !l.title().equals(m) && !l.unit().isEmpty(), m + " -> " + l);
        }
        assertEquals("user_metric", Metrics.label("user_metric").axis(), "an unknown name labels itself");
    }
}
