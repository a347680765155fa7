package eu.cloudmarket.analysis;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import java.util.List;

/**
 * Morris's (1991) one-at-a-time trajectories on a p-level grid of the unit cube, {0, 1/(p − 1), …, 1}, with the step
 * Δ = p / (2(p − 1)) Morris recommends for even p (every grid level is then visited equally often). A trajectory
 * starts at a random grid point x* whose coordinates leave room for a step of Δ, draws for each parameter whether it
 * moves up (from x*<sub>i</sub> to x*<sub>i</sub> + Δ) or down (from x*<sub>i</sub> + Δ to x*<sub>i</sub>), and moves
 * the parameters one at a time in a random order: d + 1 rows, consecutive rows differing in exactly one parameter
 * (Morris 1991, section 3; Campolongo et al. 2007 describe the same orientation matrix B*). r trajectories give
 * r(d + 1) rows, written trajectory after trajectory.
 */
public final class MorrisSampler {
    /** The stream of the trajectories in {@code RandomStreams(seed, 0)}; trajectory t uses entity t. */
    public static final String STREAM = "sensitivity-morris-trajectory";
    /** Grid levels when none are given: the common choice p = 4, Δ = 2/3 (Saltelli et al. 2004, section 4.3). */
    public static final int DEFAULT_LEVELS = 4;

    private MorrisSampler() {
    }

    /** The step Δ on the unit scale for {@code levels} grid levels. */
    public static double delta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    /** Rows of a design of {@code trajectories} trajectories: {@code r * (d + 1)}. */
    public static long rows(int trajectories, int d) {
        return (long) trajectories * (d + 1);
    }

    /** Checks that {@code levels} is an even number of at least 2 (with odd p, x* + Δ is off the grid). */
    public static void checkLevels(int levels) {
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris levels must be an even number >= 2, was " + levels);
        }
    }

    /** The design in the parameters' units: {@link #rows} rows of {@code parameters.size()} values. */
    public static double[][] sample(List<Parameter> parameters, int trajectories, int levels, long seed) {
        checkLevels(levels);
        int d = parameters.size();
        if (d < 1 || trajectories < 2 || rows(trajectories, d) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a Morris design needs at least 1 parameter and 2 trajectories (and"
                    + " r(d + 1) rows must fit in an array); got " + d + " parameters, r = " + trajectories);
        }
        double[][] out = new double[(int) rows(trajectories, d)][];
        RandomStreams streams = new RandomStreams(seed, 0);
        for (int t = 0; t < trajectories; t++) {
            double[][] unit = trajectory(d, levels, streams.open(STREAM, t));
            for (int k = 0; k <= d; k++) {
                double[] row = new double[d];
                for (int i = 0; i < d; i++) {
                    row[i] = parameters.get(i).scale(unit[k][i]);
                }
                out[t * (d + 1) + k] = row;
            }
        }
        return out;
    }

    /** One trajectory on the unit cube: d + 1 points. */
    static double[][] trajectory(int d, int levels, RandomStream stream) {
        double delta = delta(levels);
        int baseLevels = levels / 2; // x* in {0, …, (p/2 − 1)/(p − 1)}, so x* + Δ ≤ 1
        double[] x = new double[d];
        double[] step = new double[d];
        for (int i = 0; i < d; i++) {
            double base = stream.nextInt(baseLevels) / (double) (levels - 1);
            boolean up = stream.nextBoolean();
            x[i] = up ? base : base + delta;
            step[i] = up ? delta : -delta;
        }
        int[] order = permutation(d, stream);
        double[][] points = new double[d + 1][];
        points[0] = x.clone();
        for (int k = 0; k < d; k++) {
            int i = order[k];
            x[i] = Math.min(1, Math.max(0, x[i] + step[i])); // clamps the last bit of rounding only
            points[k + 1] = x.clone();
        }
        return points;
    }

    private static int[] permutation(int n, RandomStream stream) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = stream.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
