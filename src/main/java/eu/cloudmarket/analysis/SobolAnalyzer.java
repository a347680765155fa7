package eu.cloudmarket.analysis;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * First- and total-order Sobol indices from the outputs of a {@link SaltelliSampler} design (rows in its order).
 * With f<sub>A</sub>, f<sub>B</sub> and f<sub>AB<sub>i</sub></sub> the outputs on A, B and AB<sub>i</sub>, and V the
 * variance of f<sub>A</sub> and f<sub>B</sub> pooled (Saltelli et al. 2010, table 2):
 * <ul>
 *   <li>S1<sub>i</sub> = mean(f<sub>B</sub> (f<sub>AB<sub>i</sub></sub> − f<sub>A</sub>)) / V (Saltelli et al.
 *       2010, eq. (b));</li>
 *   <li>ST<sub>i</sub> = mean((f<sub>A</sub> − f<sub>AB<sub>i</sub></sub>)²) / (2V) (Jansen 1999, eq. (f)).</li>
 * </ul>
 * Confidence intervals bootstrap the N base samples (a sample j is the unit: its d + 2 rows move together).
 */
public final class SobolAnalyzer {
    /** The stream of the bootstrap in {@code RandomStreams(seed, 0)}. */
    public static final String BOOTSTRAP_STREAM = "sensitivity-sobol-bootstrap";

    private SobolAnalyzer() {
    }

    /**
     * The indices of each parameter, in order.
     *
     * @param y outputs of the design's rows; their count must be N(d + 2)
     */
    public static List<SobolIndex> analyze(List<Parameter> parameters, double[] y, int resamples, long seed) {
        int d = parameters.size();
        if (d < 1 || y.length % (d + 2) != 0 || y.length / (d + 2) < 2) {
            throw new IllegalArgumentException("a Saltelli design of " + d + " parameters has N(d + 2) = N * "
                    + (d + 2) + " rows with N >= 2; got " + y.length + " outputs");
        }
        Blocks b = new Blocks(y, d);
        int[] all = new int[b.n];
        for (int j = 0; j < b.n; j++) {
            all[j] = j;
        }
        List<SobolIndex> out = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            int p = i;
            RandomStream s1Stream = new RandomStreams(seed, 0).open(BOOTSTRAP_STREAM, 2L * i);
            RandomStream stStream = new RandomStreams(seed, 0).open(BOOTSTRAP_STREAM, 2L * i + 1);
            out.add(new SobolIndex(parameters.get(i).name(), b.firstOrder(p, all),
                    Bootstrap.halfWidth(b.n, resamples, s1Stream, idx -> b.firstOrder(p, idx)),
                    b.totalOrder(p, all), Bootstrap.halfWidth(b.n, resamples, stStream, idx -> b.totalOrder(p, idx))));
        }
        return out;
    }

    /** The outputs split into f_A, f_B and f_AB_i, indexed by base sample. */
    private static final class Blocks {
        final int n;
        final double[] fa;
        final double[] fb;
        final double[][] fab;

        Blocks(double[] y, int d) {
            n = y.length / (d + 2);
            fa = new double[n];
            fb = new double[n];
            fab = new double[d][n];
            for (int j = 0; j < n; j++) {
                int base = j * (d + 2);
                fa[j] = y[base];
                for (int i = 0; i < d; i++) {
                    fab[i][j] = y[base + 1 + i];
                }
                fb[j] = y[base + d + 1];
            }
        }

        double firstOrder(int i, int[] idx) {
            double sum = 0;
            for (int j : idx) {
                sum += fb[j] * (fab[i][j] - fa[j]);
            }
            return sum / idx.length / variance(idx);
        }

        double totalOrder(int i, int[] idx) {
            double sum = 0;
            for (int j : idx) {
                double diff = fa[j] - fab[i][j];
                sum += diff * diff;
            }
            return sum / idx.length / 2 / variance(idx);
        }

        /** Variance (divisor 2n) of f_A and f_B pooled over the samples {@code idx}. */
        double variance(int[] idx) {
            double sum = 0;
            for (int j : idx) {
                sum += fa[j] + fb[j];
            }
            double mean = sum / (2.0 * idx.length);
            double ss = 0;
            for (int j : idx) {
                ss += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
            }
            return ss / (2.0 * idx.length);
        }
    }
}
