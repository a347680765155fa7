package eu.cloudmarket.analysis;

import eu.cloudmarket.engine.random.RandomStream;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Nonparametric bootstrap of a statistic of {@code n} independent units (Efron and Tibshirani 1993): each resample
 * draws {@code n} unit indices with replacement from a seeded {@link RandomStream}. The confidence interval is the
 * normal one SALib reports, estimate ± z<sub>0.975</sub> × (standard deviation of the resampled statistics), so
 * {@link #halfWidth} is directly comparable to SALib's {@code S1_conf}, {@code ST_conf} and {@code mu_star_conf}.
 */
public final class Bootstrap {
    /** Confidence level of every interval the analyses report (the issue asks for 95 % intervals). */
    public static final double LEVEL = 0.95;
    /** Resamples when none are given: SALib's default (assumption: enough for a half-width to two digits). */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** z quantile of {@link #LEVEL}, two-sided: 1.959964. */
    static final double Z = z(LEVEL);

    private Bootstrap() {
    }

    private static double z(double level) {
        // The distribution is only used for its quantile function; no sampling, so no generator is needed.
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
    }

    /**
     * The 95 % half-width of {@code statistic} over {@code resamples} bootstrap resamples of {@code n} units; the
     * statistic receives the resampled unit indices. NaN if fewer than two resamples are finite.
     */
    public static double halfWidth(int n, int resamples, RandomStream stream, ToDoubleFunction<int[]> statistic) {
        double[] values = new double[resamples];
        int[] idx = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                idx[i] = stream.nextInt(n);
            }
            values[b] = statistic.applyAsDouble(idx);
        }
        return Z * sd(values);
    }

    /** Sample standard deviation (n − 1 in the denominator) of the finite values; NaN if fewer than two. */
    static double sd(double[] values) {
        int n = 0;
        double mean = 0;
        double m2 = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }
}
