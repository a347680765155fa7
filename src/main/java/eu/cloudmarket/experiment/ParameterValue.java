package eu.cloudmarket.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One value of a swept parameter: the text shown in {@code runs.csv} and {@code cells.csv}, and the YAML scalar (or
 * flow collection) passed as {@code --set path=yaml} to build the run's scenario. For numbers the two are the same
 * canonical decimal, so the value printed in a result file reproduces the run exactly.
 *
 * @param text the value as shown in result files
 * @param yaml the value as a YAML flow scalar for the override
 */
public record ParameterValue(String text, String yaml) {
    /** Significant digits kept by {@link #canonical(double)}. */
    public static final int SIGNIFICANT_DIGITS = 10;

    public ParameterValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(yaml, "yaml");
    }

    /** A numeric value, rounded to {@value #SIGNIFICANT_DIGITS} significant digits (see {@link #canonical}). */
    public static ParameterValue number(double v) {
        String s = canonical(v);
        return new ParameterValue(s, s);
    }

    /** A whole number. */
    public static ParameterValue integer(long v) {
        String s = Long.toString(v);
        return new ParameterValue(s, s);
    }

    /** Whether the value reads as a finite number (numeric axes of the sweep charts). */
    public boolean isNumeric() {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The canonical decimal text of a finite number: rounded half-even to {@value #SIGNIFICANT_DIGITS} significant
     * digits, without exponent or trailing zeros ({@code 0.30000000000000004 -> 0.3}, {@code 2.0 -> 2}). It depends
     * only on the binary value, never on the JDK's {@code Double.toString}, so every machine writes the same text.
     */
    public static String canonical(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("parameter values must be finite, was " + v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        return b.toPlainString();
    }
}
