package eu.cloudmarket.estimation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery on a cheap nonlinear simulator (fast enough for many repetitions; {@code MarketRecoveryIT} does
 * the same with the market): each of n draws is y = a + b·z + 0.5·a·z², z standard normal, and the moments are the
 * means of y, y² and y³. The "data" are one replication at θ₀ drawn with another seed than the estimation's
 * replications. Asserted: in ≥ 85% of repetitions (95% expected) each parameter is within 2 SE of θ₀, and the mean SE
 * is within a factor of 2 of the spread (standard deviation) of the estimates over the repetitions.
 */
class SyntheticRecoveryTest {
    static final double[] THETA0 = {0.8, 1.5};
    static final int DRAWS = 200;
    static final int R = 10;
    static final int REPETITIONS = 40;

    @Test
    void recoversParametersAndTheirSpread() {
        double[] targetSe = sd(simulate(THETA0, 999_999, 200));
        List<double[]> estimates = new ArrayList<>();
        List<double[]> ses = new ArrayList<>();
        int[] within = new int[2];
        for (int rep = 0; rep < REPETITIONS; rep++) {
            double[] data = simulate(THETA0, 500_000 + rep, 1)[0];
            List<Target> targets = new ArrayList<>();
            for (int j = 0; j < data.length; j++) {
                targets.add(new Target("m" + j, null, data[j], targetSe[j]));
            }
            SmmProblem p = new SmmProblem(List.of("a", "b"), new UnitBox(new double[] {0, 0.5}, new double[] {2, 3}),
                    new double[] {1, 1}, targets, R, Weighting.OPTIMAL, new OptimizerSettings(0.2, 1e-4, 400, 0.02));
            int seed = 10_000 + rep;
            SmmResult res = SmmEstimator.estimate(p, (index, stage, theta) -> new Evaluation(index, stage, theta,
                    simulate(theta, seed, R)));
            estimates.add(res.estimate());
            ses.add(res.standardErrors());
            for (int k = 0; k < 2; k++) {
                if (Math.abs(res.estimate()[k] - THETA0[k]) <= 2 * res.standardErrors()[k]) {
                    within[k]++;
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            final int kk = k;
            double mean = estimates.stream().mapToDouble(e -> e[kk]).average().orElseThrow();
            double spread = Math.sqrt(estimates.stream().mapToDouble(e -> (e[kk] - mean) * (e[kk] - mean)).sum()
                    / (REPETITIONS - 1));
            double meanSe = ses.stream().mapToDouble(s -> s[kk]).average().orElseThrow();
            assertTrue(within[k] >= 0.85 * REPETITIONS, "parameter " + k + " within 2 SE in " + within[k] + " of "
                    + REPETITIONS);
            assertTrue(meanSe / spread > 0.5 && meanSe / spread < 2, "parameter " + k + ": mean SE " + meanSe
                    + " vs spread " + spread);
        }
    }

    /** Replications' moments at θ, replication r drawing from stream (seed, "synthetic", r). */
    static double[][] simulate(double[] theta, long seed, int replications) {
        double[][] out = new double[replications][3];
        for (int r = 0; r < replications; r++) {
            RandomStream s = new RandomStreams(seed, r).open("synthetic");
            for (int i = 0; i < DRAWS; i++) {
                double z = s.nextGaussian();
                double y = theta[0] + theta[1] * z + 0.5 * theta[0] * z * z;
                out[r][0] += y / DRAWS;
                out[r][1] += y * y / DRAWS;
                out[r][2] += y * y * y / DRAWS;
            }
        }
        return out;
    }

    static double[] sd(double[][] reps) {
        double[][] cov = new Evaluation(0, "x", new double[] {0}, reps).covariance();
        double[] sd = new double[cov.length];
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(cov[j][j]);
        }
        return sd;
    }
}
