package eu.cloudmarket.experiment;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Replication statistics: means with Student-t confidence intervals, and paired differences against a reference
 * under common random numbers. Sums run in replication order, so results do not depend on the order runs finished.
 */
public final class Statistics {
    /** Confidence level of every interval. */
    public static final double LEVEL = 0.95;

    private static final ConcurrentMap<Integer, Double> T_QUANTILES = new ConcurrentHashMap<>();

    private Statistics() {
    }

    /** Summarises the finite entries of {@code values} (NaN marks a missing value, e.g. a failed run). */
    public static Summary summarise(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return Summary.EMPTY;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, mean - half, mean + half);
    }

    /**
     * Summarises the paired differences {@code x[r] − reference[r]} over the replications r where both are finite.
     * Under common random numbers the pairs share their random inputs, so this interval is usually much narrower
     * than the difference of two independent intervals.
     */
    public static Summary paired(double[] x, double[] reference) {
        if (x.length != reference.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs "
                    + reference.length);
        }
        double[] d = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            d[r] = Double.isFinite(x[r]) && Double.isFinite(reference[r]) ? x[r] - reference[r] : Double.NaN;
        }
        return summarise(d);
    }

    /** The (1 + LEVEL)/2 quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + df);
        }
        // A null generator: the distribution is only used for its quantile function, never sampled.
        return T_QUANTILES.computeIfAbsent(df,
                k -> new TDistribution(null, k).inverseCumulativeProbability(0.5 + LEVEL / 2));
    }
}
