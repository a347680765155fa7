package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stochastic events: Poisson arrivals at the configured hazard, drawn from their own random stream. */
class StochasticEventTest {
    @TempDir
    Path tmp;

    static final String[] SMALL = {"buyers.count=2000", "horizon.quarters=40", "horizon.truncateEvents=true"};

    @Test
    void arrivalsFollowTheHazard() throws Exception {
        Path f = Runs.variant(tmp, "hazard", """
                stochasticEvents:
                  - {id: fee-noise, type: switching_fee_change, hazardPerQuarter: 0.5, providers: [eu], egressLevel: 0.5}
                """);
        int reps = 10;
        int count = 0;
        for (int r = 0; r < reps; r++) {
            RunRecorder rec = Runs.run(f, 5, r, SMALL);
            for (EventRecord e : rec.events()) {
                if (e.origin().equals("stochastic")) {
                    count++;
                    assertEquals("switching_fee_change", e.type());
                }
            }
        }
        double expected = 0.5 * 40 * reps; // Poisson mean; sd = sqrt(mean)
        assertTrue(Math.abs(count - expected) < 4 * Math.sqrt(expected), count + " arrivals vs " + expected);
    }

    @Test
    void aStochasticEventDoesNotDisturbOtherRandomness() throws Exception {
        // An event with no effect (eu's egress level is already 0.5 until the Data Act event) must leave every other
        // random draw, and hence every result, unchanged: it draws only from its own stream.
        Path noop = Runs.variant(tmp, "noop", """
                dropEvents: [data-act, data-act-ban]
                stochasticEvents:
                  - {id: no-op, type: switching_fee_change, hazardPerQuarter: 0.7, providers: [eu], egressLevel: 0.5}
                """);
        Path none = Runs.variant(tmp, "none", "dropEvents: [data-act, data-act-ban]\n");
        RunRecorder a = Runs.run(noop, 9, 0, SMALL);
        RunRecorder b = Runs.run(none, 9, 0, SMALL);
        assertTrue(a.events().size() > b.events().size(), "the stochastic event fired");
        for (int k = 0; k < a.quarters().size(); k++) {
            QuarterSnapshot qa = a.quarters().get(k);
            QuarterSnapshot qb = b.quarters().get(k);
            for (int j = 0; j < qa.providers().size(); j++) {
                ProviderQuarter pa = qa.providers().get(j);
                ProviderQuarter pb = qb.providers().get(j);
                assertEquals(pb.customers(), pa.customers(), "customers in " + qa.label());
                assertEquals(pb.revenue(), pa.revenue(), 0.0, "revenue in " + qa.label());
            }
        }
    }

    @Test
    void magnitudesAreDrawnFromTheConfiguredDistribution() {
        RunRecorder r = Runs.run(Path.of("configs/scenarios/random-shocks.yaml"), 3, 0);
        List<EventRecord> scares = r.events().stream().filter(e -> e.origin().equals("stochastic")
                && e.type().equals("sovereignty_shock")).toList();
        assertTrue(!scares.isEmpty(), "some scares in 40 quarters at hazard 0.08 (P(none) ≈ 4%; fixed seed)");
        for (EventRecord e : scares) {
            assertTrue(!e.parameters().contains("public:0.6,"), "the magnitude scaled deltaBeta: " + e.parameters());
        }
    }
}
