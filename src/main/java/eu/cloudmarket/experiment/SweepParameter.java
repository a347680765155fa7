package eu.cloudmarket.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.special.Erf;

/**
 * One uncertain assumption varied by a sweep, named by the dotted configuration path that {@code --set} uses (e.g.
 * {@code market.nestingSigma}). A grid design takes its listed {@link #levels() levels}; a sampled design maps a
 * point u in [0, 1) to a value through the parameter's distribution ({@link #at(double)}): uniform or log-uniform on
 * a range, a normal (optionally truncated to a range), or an equally likely choice among listed values.
 */
public final class SweepParameter {
    /** How a sampled design maps u in [0, 1) to a value. */
    public enum Distribution {
        /** Listed values, each equally likely (grid levels, or a discrete choice in sampled designs). */
        VALUES,
        /** Uniform on [min, max]. */
        UNIFORM,
        /** Uniform in log between min > 0 and max. */
        LOG_UNIFORM,
        /** Normal with mean and sd, truncated to [min, max] when given. */
        NORMAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace("_", "");
        }
    }

    private final String path;
    private final String column;
    private final Distribution distribution;
    private final List<ParameterValue> levels;
    private final double min;
    private final double max;
    private final double mean;
    private final double sd;
    private final boolean integer;

    private SweepParameter(String path, String column, Distribution distribution, List<ParameterValue> levels,
            double min, double max, double mean, double sd, boolean integer) {
        this.path = Objects.requireNonNull(path, "path");
        this.column = Objects.requireNonNull(column, "column");
        this.distribution = distribution;
        this.levels = levels == null ? List.of() : List.copyOf(levels);
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.sd = sd;
        this.integer = integer;
    }

    /** A parameter taking listed values (grid levels, or an equally likely choice in sampled designs). */
    public static SweepParameter values(String path, String column, List<ParameterValue> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs at least one value");
        }
        return new SweepParameter(path, column, Distribution.VALUES, values, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, false);
    }

    /** Uniform on [min, max]; with {@code integer}, each whole number in [min, max] is equally likely. */
    public static SweepParameter uniform(String path, String column, double min, double max, boolean integer) {
        checkRange(min, max, integer);
        return new SweepParameter(path, column, Distribution.UNIFORM, null, min, max, Double.NaN, Double.NaN, integer);
    }

    /** Log-uniform on [min, max], min > 0. */
    public static SweepParameter logUniform(String path, String column, double min, double max, boolean integer) {
        checkRange(min, max, integer);
        if (!(min > 0)) {
            throw new IllegalArgumentException("a log-uniform range needs min > 0, was " + min);
        }
        return new SweepParameter(path, column, Distribution.LOG_UNIFORM, null, min, max, Double.NaN, Double.NaN,
                integer);
    }

    /** Normal(mean, sd), truncated to [min, max] (use infinities for no truncation). */
    public static SweepParameter normal(String path, String column, double mean, double sd, double min, double max,
            boolean integer) {
        if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("a normal distribution needs a finite mean and sd > 0");
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("truncation range needs min < max");
        }
        double lo = (min - mean) / sd;
        double hi = (max - mean) / sd;
        if (phi(hi) - phi(lo) < 1e-9) {
            throw new IllegalArgumentException("the truncation range holds almost none of the normal's mass");
        }
        return new SweepParameter(path, column, Distribution.NORMAL, null, min, max, mean, sd, integer);
    }

    private static void checkRange(double min, double max, boolean integer) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("range needs finite min < max, was [" + min + ", " + max + "]");
        }
        if (integer && Math.ceil(min) > Math.floor(max)) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] holds no whole number");
        }
    }

    /** The dotted configuration path, as for {@code --set}. */
    public String path() {
        return path;
    }

    /** The column name in result files (the path unless the sweep file names it). */
    public String column() {
        return column;
    }

    public Distribution distribution() {
        return distribution;
    }

    /** Listed values (empty for continuous distributions). */
    public List<ParameterValue> levels() {
        return levels;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double mean() {
        return mean;
    }

    public double sd() {
        return sd;
    }

    public boolean integer() {
        return integer;
    }

    /** The value at quantile u in [0, 1) of the parameter's distribution (inverse-CDF sampling). */
    public ParameterValue at(double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u must be in [0, 1), was " + u);
        }
        switch (distribution) {
            case VALUES:
                return levels.get(Math.min(levels.size() - 1, (int) Math.floor(u * levels.size())));
            case UNIFORM:
                if (integer) {
                    long lo = (long) Math.ceil(min);
                    long hi = (long) Math.floor(max);
                    return ParameterValue.integer(Math.min(hi, lo + (long) Math.floor(u * (hi - lo + 1))));
                }
                return number(min + u * (max - min));
            case LOG_UNIFORM:
                return number(Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))));
            case NORMAL:
                double a = phi((min - mean) / sd);
                double b = phi((max - mean) / sd);
                double p = Math.min(Math.max(a + u * (b - a), 1e-15), 1 - 1e-15);
                return number(Math.min(max, Math.max(min, mean + sd * phiInverse(p))));
            default:
                throw new IllegalStateException(distribution.toString());
        }
    }

    private ParameterValue number(double x) {
        if (integer) {
            long r = Math.round(x);
            r = Math.max(r, (long) Math.ceil(min));
            r = Math.min(r, (long) Math.floor(max));
            return ParameterValue.integer(r);
        }
        return ParameterValue.number(x);
    }

    /** Standard normal CDF; ±infinity map to 0 and 1. */
    static double phi(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (z == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** Standard normal quantile, Φ⁻¹(p) = √2 · erf⁻¹(2p − 1). */
    static double phiInverse(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /** A short description for manifests and dry runs, e.g. {@code uniform [0.2, 1.2]}. */
    public String describe() {
        return switch (distribution) {
            case VALUES -> "values " + levels.stream().map(ParameterValue::text).toList();
            case UNIFORM, LOG_UNIFORM -> distribution.id() + " [" + ParameterValue.canonical(min) + ", "
                    + ParameterValue.canonical(max) + "]" + (integer ? " integer" : "");
            case NORMAL -> "normal mean " + ParameterValue.canonical(mean) + " sd " + ParameterValue.canonical(sd)
                    + (Double.isFinite(min) ? " min " + ParameterValue.canonical(min) : "")
                    + (Double.isFinite(max) ? " max " + ParameterValue.canonical(max) : "")
                    + (integer ? " integer" : "");
        };
    }
}
