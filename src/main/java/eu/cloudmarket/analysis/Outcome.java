package eu.cloudmarket.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of interest of a scenario discovery: a column compared with a threshold, such as
 * {@code "price_change > 0.01"}. Comparisons: {@code >}, {@code >=}, {@code <}, {@code <=}.
 *
 * @param column    the output column
 * @param operator  the comparison
 * @param threshold the number it is compared with
 */
public record Outcome(String column, String operator, double threshold) {
    private static final Pattern FORM = Pattern.compile("^\\s*([^<>=\\s]+)\\s*(>=|<=|>|<)\\s*(\\S+)\\s*$");

    /**
     * Parses {@code "<column> <op> <value>"}.
     *
     * @throws IllegalArgumentException with a one-line reason if the text is not of that form
     */
    public static Outcome parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("outcome '" + text + "' is not of the form \"<column> > <value>\""
                    + " (comparisons: >, >=, <, <=)");
        }
        double v;
        try {
            v = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("outcome '" + text + "': '" + m.group(3) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("outcome '" + text + "': the threshold must be a finite number");
        }
        return new Outcome(m.group(1), m.group(2), v);
    }

    /** Whether {@code value} is of interest (NaN never is). */
    public boolean test(double value) {
        return switch (operator) {
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "<" -> value < threshold;
            case "<=" -> value <= threshold;
            default -> throw new IllegalStateException(operator);
        };
    }

    @Override
    public String toString() {
        return column + " " + operator + " " + threshold;
    }
}
