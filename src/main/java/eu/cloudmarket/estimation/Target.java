package eu.cloudmarket.estimation;

/**
 * One moment to match: its name ({@code period/metric}), the observed value and its standard error.
 *
 * @param name   {@code period/metric}, e.g. {@code 2020Q3/big3_revenue_share}
 * @param moment how the simulated moment is computed
 * @param value  the observed value
 * @param se     the standard error of the observed value (> 0)
 */
public record Target(String name, Moment moment, double value, double se) {
    /** The standard error of a 95% band [low, high]: (high − low) / (2 · 1.96). */
    public static double seFromBand(double low, double high) {
        return (high - low) / (2 * Z95);
    }

    /** The two-sided 95% normal quantile, rounded as the targets file's bands are. */
    public static final double Z95 = 1.96;

    public Target {
        if (!(se > 0) || Double.isInfinite(se)) {
            throw new IllegalArgumentException("standard error must be positive and finite, was " + se);
        }
    }
}
