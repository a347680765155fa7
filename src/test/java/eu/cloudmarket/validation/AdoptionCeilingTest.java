package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Adoption stays below its ceiling over a 40-year run (issue 23): the baseline (drift 0.25 a year, which without a
 * ceiling took public-cloud adoption to 99% by 2034) run for 160 quarters keeps every segment's cloud share of
 * workload at or below {@code market.adoptionCeiling} in every quarter, and the drift has room to act: adoption rises
 * well above where it starts.
 */
class AdoptionCeilingTest {
    private static final int QUARTERS = 160;

    @Test
    void adoptionStaysBelowTheCeilingForFortyYears() {
        double ceiling = new ScenarioLoader().load(Runs.BASELINE).params().settings().adoptionCeiling();
        RunRecorder r = Runs.run(Runs.BASELINE, 20250101L, 0, "buyers.count=3000", "horizon.quarters=" + QUARTERS,
                "horizon.truncateEvents=true");
        assertTrue(r.quarters().size() == QUARTERS, "ran " + r.quarters().size() + " quarters");
        List<String> over = new ArrayList<>();
        double[] first = r.quarters().get(0).segmentCloudShare();
        double rise = 0;
        for (QuarterSnapshot q : r.quarters()) {
            double[] share = q.segmentCloudShare();
            for (int g = 0; g < share.length; g++) {
                if (!(share[g] <= ceiling)) {
                    over.add(String.format(Locale.ROOT, "%s segment %d: %.9f", q.label(), g, share[g]));
                }
                rise = Math.max(rise, share[g] - first[g]);
            }
        }
        assertTrue(over.isEmpty(), "adoption above the ceiling " + ceiling + ":\n" + String.join("\n", over));
        assertTrue(rise > 0.2, "adoption rises toward the ceiling (largest rise " + rise + ")");
    }
}
