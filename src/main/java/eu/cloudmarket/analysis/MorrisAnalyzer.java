package eu.cloudmarket.analysis;

import eu.cloudmarket.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * Morris's (1991) elementary effects from a design of trajectories (d + 1 consecutive rows each, consecutive rows
 * differing in one parameter, as {@link MorrisSampler} writes them) and their outputs. The elementary effect of the
 * parameter that moved between rows k − 1 and k is (y<sub>k</sub> − y<sub>k−1</sub>) / (u<sub>k</sub> −
 * u<sub>k−1</sub>), with u the parameter on the unit scale of its range, as SALib reports it; the step is read from
 * the rows, so any one-at-a-time design with these properties can be analysed. μ*'s interval bootstraps the
 * trajectories.
 */
public final class MorrisAnalyzer {
    /** The stream of the bootstrap in {@code RandomStreams(seed, 0)}; parameter i uses entity i. */
    public static final String BOOTSTRAP_STREAM = "sensitivity-morris-bootstrap";

    private MorrisAnalyzer() {
    }

    /** A row pair that is not one step of one parameter. */
    public static final class BadTrajectory extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** The row (0-based) whose step from the row before is not a one-parameter move. */
        public final int row;

        BadTrajectory(int row, String message) {
            super(message);
            this.row = row;
        }
    }

    /** The measures of each parameter, in order. */
    public static List<MorrisIndex> analyze(List<Parameter> parameters, double[][] x, double[] y, int resamples,
            long seed) {
        int d = parameters.size();
        if (d < 1 || x.length != y.length || x.length % (d + 1) != 0 || x.length / (d + 1) < 2) {
            throw new IllegalArgumentException("a Morris design of " + d + " parameters has r(d + 1) = r * " + (d + 1)
                    + " rows with r >= 2 and one output per row; got " + x.length + " rows and " + y.length
                    + " outputs");
        }
        double[][] ee = effects(parameters, x, y);
        List<MorrisIndex> out = new ArrayList<>();
        RandomStreams streams = new RandomStreams(seed, 0);
        for (int i = 0; i < d; i++) {
            double[] e = ee[i];
            double conf = Bootstrap.halfWidth(e.length, resamples, streams.open(BOOTSTRAP_STREAM, i),
                    idx -> meanAbs(e, idx));
            out.add(new MorrisIndex(parameters.get(i).name(), mean(e), meanAbs(e, all(e.length)), sd(e), conf));
        }
        return out;
    }

    /** ee[i][t]: the elementary effect of parameter i in trajectory t. */
    static double[][] effects(List<Parameter> parameters, double[][] x, double[] y) {
        int d = parameters.size();
        int r = x.length / (d + 1);
        double[][] ee = new double[d][r];
        for (int t = 0; t < r; t++) {
            boolean[] seen = new boolean[d];
            for (int k = 1; k <= d; k++) {
                int row = t * (d + 1) + k;
                int i = movedParameter(parameters, x[row - 1], x[row], row);
                if (seen[i]) {
                    throw new BadTrajectory(row, "parameter " + parameters.get(i).name() + " moves twice in"
                            + " trajectory " + (t + 1) + " (each parameter moves once per trajectory)");
                }
                seen[i] = true;
                Parameter p = parameters.get(i);
                ee[i][t] = (y[row] - y[row - 1]) / (p.unit(x[row][i]) - p.unit(x[row - 1][i]));
            }
        }
        return ee;
    }

    private static int movedParameter(List<Parameter> parameters, double[] before, double[] after, int row) {
        int moved = -1;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                if (moved >= 0) {
                    throw new BadTrajectory(row, "parameters " + parameters.get(moved).name() + " and "
                            + parameters.get(i).name() + " both change from the row before (a Morris trajectory"
                            + " moves one parameter per row)");
                }
                moved = i;
            }
        }
        if (moved < 0) {
            throw new BadTrajectory(row, "no parameter changes from the row before (a Morris trajectory moves one"
                    + " parameter per row)");
        }
        return moved;
    }

    private static int[] all(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double meanAbs(double[] v, int[] idx) {
        double s = 0;
        for (int i : idx) {
            s += Math.abs(v[i]);
        }
        return s / idx.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
