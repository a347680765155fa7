package eu.cloudmarket.analysis;

import java.util.Objects;

/**
 * An uncertain input of a sensitivity analysis: its name and the interval {@code [min, max]} it is sampled from,
 * uniformly. Samplers work on the unit interval and {@link #scale} maps to this range; analyses {@link #unit map
 * back}.
 *
 * @param name the column name in sample files
 * @param min  lower end, finite
 * @param max  upper end, finite and greater than {@code min}
 */
public record Parameter(String name, double min, double max) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("parameter " + name + ": min must be less than max (both finite), was "
                    + min + " and " + max);
        }
    }

    /** The value at position {@code u} in [0, 1] of the range. */
    public double scale(double u) {
        return min + u * (max - min);
    }

    /** The position in [0, 1] of {@code x} in the range. */
    public double unit(double x) {
        return (x - min) / (max - min);
    }
}
