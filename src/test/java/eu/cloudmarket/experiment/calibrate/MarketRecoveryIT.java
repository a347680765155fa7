package eu.cloudmarket.experiment.calibrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.estimation.Evaluation;
import eu.cloudmarket.estimation.SmmEstimator;
import eu.cloudmarket.estimation.SmmResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter recovery with the market (issue 18 acceptance): moments are simulated at known θ₀ (the European providers'
 * flow share and the 2017 market size) in a small market (2,000 buyers, 2017-2021) with one seed — one replication is
 * the "data", and 20 replications give the targets' standard errors — then estimated with optimal two-step weighting
 * from R = 12 replications of a different seed. Over five repetitions (different data and estimation seeds), each
 * parameter is within 2 SE of θ₀ in at least four, and the mean SE is within a factor of 2 of the spread of the
 * estimates (a rough check with five repetitions; {@code SyntheticRecoveryTest} checks it over forty).
 */
class MarketRecoveryIT {
    static final Path HISTORY = Path.of("configs/history-2017.yaml").toAbsolutePath();
    static final double[] THETA0 = {0.04, 1.8};
    static final String[] METRICS = {"2017,market_revenue", "2020,market_revenue",
        "2021Q2,eu_providers_revenue_share"};
    static final int REPETITIONS = 5;
    /** Replications per evaluation: enough that S⁻¹ is not much inflated (E[S⁻¹] = Σ⁻¹(R−1)/(R−M−2), here 1.5). */
    static final int R = 12;

    @TempDir
    Path tmp;

    @Test
    void recoversFlowShareAndMarketSize() throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<double[]> est = new ArrayList<>();
            List<double[]> ses = new ArrayList<>();
            int[] within = new int[2];
            for (int rep = 0; rep < REPETITIONS; rep++) {
                Calibration data = Calibration.prepare(file("data" + rep, 900 + rep, 20, placeholder()));
                double[][] reps = new MarketSimulator(data, pool).simulate(THETA0);
                Evaluation e = new Evaluation(0, "data", THETA0, reps);
                double[][] cov = e.covariance();
                StringBuilder csv = new StringBuilder("period,metric,value,se\n");
                for (int j = 0; j < METRICS.length; j++) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", METRICS[j], Double.toString(reps[0][j]),
                            Double.toString(Math.sqrt(cov[j][j]))));
                }
                Path targets = tmp.resolve("targets" + rep + ".csv");
                Files.writeString(targets, csv.toString());
                Calibration c = Calibration.prepare(file("fit" + rep, 100 + rep, R, targets));
                MarketSimulator sim = new MarketSimulator(c, pool);
                SmmResult r = SmmEstimator.estimate(c.problem(), (i, stage, theta) -> new Evaluation(i, stage, theta,
                        sim.simulate(theta)));
                est.add(r.estimate());
                ses.add(r.standardErrors());
                for (int k = 0; k < 2; k++) {
                    if (Math.abs(r.estimate()[k] - THETA0[k]) <= 2 * r.standardErrors()[k]) {
                        within[k]++;
                    }
                }
                System.out.printf(Locale.ROOT, "repetition %d: estimate %s se %s J %.3f%n", rep,
                        java.util.Arrays.toString(r.estimate()), java.util.Arrays.toString(r.standardErrors()),
                        r.j().j());
            }
            for (int k = 0; k < 2; k++) {
                final int kk = k;
                double mean = est.stream().mapToDouble(x -> x[kk]).average().orElseThrow();
                double spread = Math.sqrt(est.stream().mapToDouble(x -> (x[kk] - mean) * (x[kk] - mean)).sum()
                        / (REPETITIONS - 1));
                double meanSe = ses.stream().mapToDouble(s -> s[kk]).average().orElseThrow();
                System.out.printf(Locale.ROOT, "parameter %d: within 2 SE %d/%d, mean SE %.5f, spread %.5f%n", k,
                        within[k], REPETITIONS, meanSe, spread);
                assertTrue(within[k] >= REPETITIONS - 1, "parameter " + k + " within 2 SE in " + within[k]);
                assertTrue(meanSe / spread > 0.5 && meanSe / spread < 2, "parameter " + k + ": mean SE " + meanSe
                        + " vs spread " + spread);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    Path placeholder() throws IOException {
        StringBuilder csv = new StringBuilder("period,metric,value,se\n");
        for (String m : METRICS) {
            csv.append(m).append(",1,1\n");
        }
        Path p = tmp.resolve("placeholder.csv");
        Files.writeString(p, csv.toString());
        return p;
    }

    Path file(String name, long seed, int replications, Path targets) throws IOException {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, "base: " + HISTORY + "\ntargets: " + targets + "\nquarters: 20\nbuyers: 2000\n"
                + "replications: " + replications + "\nseed: " + seed + "\nweighting: optimal\n"
                + "optimizer: {stoppingRadius: 0.005, maxEvaluations: 60, jacobianStep: 0.1}\n"
                + "set: {providers.other.flowShare: 0.05}\n"
                + "parameters:\n"
                + "  - {path: providers.eu.flowShare, min: 0.01, max: 0.08, start: 0.03}\n"
                + "  - {path: market.initialRevenueEurBnPerQuarter, min: 1.4, max: 2.2, start: 1.9}\n");
        return f;
    }
}
