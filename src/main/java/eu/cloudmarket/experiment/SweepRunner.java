package eu.cloudmarket.experiment;

import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.Market;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one sweep run: the market of the run's scenario with the sweep's master seed and the run's replication index,
 * exactly as {@code run CONFIG --seed S --replication r --set ...} would, and extracts the plan's metrics.
 */
public final class SweepRunner {
    private SweepRunner() {
    }

    /** Runs {@code setup} in replication {@code replication} of {@code masterSeed} and returns the metric values. */
    public static double[] run(RunSetup setup, long masterSeed, int replication, List<String> metrics) {
        List<QuarterSnapshot> quarters = new ArrayList<>();
        Recorder recorder = new Recorder() {
            @Override
            public void onQuarter(QuarterSnapshot snapshot) {
                quarters.add(snapshot);
            }

            @Override
            public void onEvent(EventRecord event) {
            }
        };
        Market market = new Market(setup.params(), setup.events(), setup.stochastic(), masterSeed, replication,
                recorder);
        market.run();
        List<String> segments = new ArrayList<>(setup.params().segments().keySet());
        return Metrics.compute(metrics, quarters, segments);
    }
}
