package eu.cloudmarket.estimation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a target: one quarter ({@code 2020Q3}), one year ({@code 2017}: its four quarters) or a span of years
 * ({@code 2017-2021}: 2017Q1 to 2021Q4). A run's quarters are found by their labels.
 *
 * @param text       the period as written
 * @param firstYear  the first year covered
 * @param lastYear   the last year covered
 * @param quarter    the quarter (1-4) of a one-quarter period, or 0
 */
public record Period(String text, int firstYear, int lastYear, int quarter) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SPAN = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Reads a period; throws IllegalArgumentException with the reason. */
    public static Period parse(String text) {
        String t = text.trim();
        Matcher m = QUARTER.matcher(t);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Period(t, y, y, Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Period(t, y, y, 0);
        }
        m = SPAN.matcher(t);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (b < a) {
                throw new IllegalArgumentException("period '" + t + "' ends before it starts");
            }
            return new Period(t, a, b, 0);
        }
        throw new IllegalArgumentException("period '" + t + "' is not a quarter (2020Q3), a year (2017) or a span of"
                + " years (2017-2021)");
    }

    public boolean isQuarter() {
        return quarter > 0;
    }

    public boolean isYear() {
        return quarter == 0 && firstYear == lastYear;
    }

    /** The labels of the quarters covered, in order. */
    public List<String> labels() {
        if (isQuarter()) {
            return List.of(text);
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            for (int q = 1; q <= 4; q++) {
                out.add(y + "Q" + q);
            }
        }
        return out;
    }
}
