package eu.cloudmarket.experiment.calibrate;

import eu.cloudmarket.estimation.Target;
import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.Market;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.Recorder;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The simulated moments at θ: replications 0..R−1 of the base scenario with θ's overrides, all with the calibration's
 * master seed, so every θ sees the same random streams (common random numbers: a buyer's draws are keyed by (seed,
 * stream, buyer id, replication), not by θ). Replications run in parallel; each fills its own row, so the result does
 * not depend on the number of threads.
 */
public final class MarketSimulator {
    private final Calibration calibration;
    private final ExecutorService pool;
    private final ThreadLocal<ScenarioLoader> loaders = ThreadLocal.withInitial(ScenarioLoader::new);

    /** @param pool runs the replications (the caller owns and shuts it down) */
    public MarketSimulator(Calibration calibration, ExecutorService pool) {
        this.calibration = calibration;
        this.pool = pool;
    }

    /** [replication][moment] at θ. */
    public double[][] simulate(double[] theta) {
        int r = calibration.problem().replications();
        List<String> sets = calibration.sets(theta);
        List<Future<double[]>> runs = new ArrayList<>();
        for (int rep = 0; rep < r; rep++) {
            final int replication = rep;
            runs.add(pool.submit(() -> moments(sets, replication)));
        }
        double[][] out = new double[r][];
        try {
            for (int rep = 0; rep < r; rep++) {
                out[rep] = runs.get(rep).get();
            }
        } catch (InterruptedException e) {
            runs.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            runs.forEach(f -> f.cancel(true));
            throw new IllegalStateException("a replication failed at " + sets + ": " + e.getCause(), e.getCause());
        }
        return out;
    }

    /** One replication's moments. */
    double[] moments(List<String> sets, int replication) {
        Scenario s = loaders.get().load(calibration.base(), sets, calibration.seed());
        Quarters rec = new Quarters();
        new Market(s.params(), s.events(), s.stochastic(), s.seed(), replication, rec).run();
        List<Target> targets = calibration.problem().targets();
        double[] m = new double[targets.size()];
        for (int j = 0; j < m.length; j++) {
            m[j] = targets.get(j).moment().value(rec.quarters);
        }
        return m;
    }

    /** Keeps the quarters; no elasticities (the moments do not use them). */
    private static final class Quarters implements Recorder {
        final List<QuarterSnapshot> quarters = new ArrayList<>();

        @Override
        public void onQuarter(QuarterSnapshot snapshot) {
            quarters.add(snapshot);
        }

        @Override
        public void onEvent(EventRecord event) {
        }
    }
}
