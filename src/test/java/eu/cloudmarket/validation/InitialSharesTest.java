package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The installed base of the historical scenario is a target, not a draw (issue 23): the initial workloads are
 * post-stratified so that each provider starts at its configured revenue share, and so the first quarter's shares
 * barely depend on the seed. Before, at the default 20,000 buyers, the European providers' first-quarter share spread
 * over 26.4-31.0% across seeds 1-3 for a configured 31.5%, as a few heavy-tailed buyers landed on one provider or
 * another.
 */
class InitialSharesTest {
    private static final long[] SEEDS = {1, 2, 3};
    /** Largest spread (max − min) of a provider's first-quarter share across the seeds: ±0.5 pp. */
    private static final double MAX_SPREAD = 0.01;
    /**
     * Largest distance of a first-quarter share from the configured initial share. The first quarter moves shares
     * by itself: its new workloads land at the flow shares and a quarter of the annual contracts renew, which takes
     * the European providers from 31.5% to about 28.2% (aws from 30% to about 31.9%) in every seed.
     */
    private static final double MAX_FIRST_QUARTER_DRIFT = 0.04;

    @Test
    void firstQuarterSharesAreTheTargetsWhateverTheSeed() {
        Map<String, ProviderParams> providers = new ScenarioLoader().load(HistoryCalibrationTest.HISTORY).params()
                .providers();
        List<List<ProviderQuarter>> firstQuarters = new ArrayList<>();
        for (long seed : SEEDS) {
            RunRecorder r = Runs.run(HistoryCalibrationTest.HISTORY, seed, 0);
            firstQuarters.add(r.quarters().get(0).providers());
        }
        List<String> misses = new ArrayList<>();
        for (int j = 0; j < providers.size(); j++) {
            String id = firstQuarters.get(0).get(j).provider();
            double target = providers.get(id).initialShare();
            double min = 1;
            double max = 0;
            for (List<ProviderQuarter> q : firstQuarters) {
                double share = q.get(j).revenueShare();
                min = Math.min(min, share);
                max = Math.max(max, share);
            }
            String line = String.format(Locale.ROOT, "%s: first-quarter share %.4f-%.4f across seeds, configured %.4f",
                    id, min, max, target);
            if (max - min > MAX_SPREAD || Math.max(max - target, target - min) > MAX_FIRST_QUARTER_DRIFT) {
                misses.add(line);
            }
        }
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }
}
