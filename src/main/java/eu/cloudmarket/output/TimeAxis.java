package eu.cloudmarket.output;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

/**
 * The calendar-quarter x axis of run charts. A quarter {@code 2027Q3} sits at x = 2027.5 (year + (q − 1)/4), so major
 * ticks fall on first quarters whatever quarter a run starts in. Major ticks are labelled {@code 2027Q1} every 1, 2, 3,
 * 5 or 10 years (the smallest step whose labels do not collide); minor ticks mark every quarter (every year for steps
 * of 5 years and more).
 */
public final class TimeAxis {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

    private TimeAxis() {
    }

    /** x position of a quarter label such as {@code 2025Q1}. */
    public static double x(String quarterLabel) {
        Matcher m = QUARTER.matcher(quarterLabel.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quarter label (like 2025Q1): '" + quarterLabel + "'");
        }
        return Integer.parseInt(m.group(1)) + (Integer.parseInt(m.group(2)) - 1) / 4.0;
    }

    /** The quarter label of an x position. */
    public static String label(double x) {
        long quarters = Math.round(x * 4);
        long year = Math.floorDiv(quarters, 4);
        long q = Math.floorMod(quarters, 4) + 1;
        return year + "Q" + q;
    }

    /** A quarter axis from {@code first} to {@code last} (x positions), with a half-quarter margin. */
    public static NumberAxis axis(String label, double first, double last) {
        NumberAxis x = new QuarterAxis(label);
        NumberFormat fmt = new QuarterFormat();
        TickUnits units = new TickUnits();
        units.add(new NumberTickUnit(1, fmt, 4));
        units.add(new NumberTickUnit(2, fmt, 8));
        units.add(new NumberTickUnit(3, fmt, 3));
        units.add(new NumberTickUnit(5, fmt, 5));
        units.add(new NumberTickUnit(10, fmt, 10));
        units.add(new NumberTickUnit(20, fmt, 4));
        x.setStandardTickUnits(units);
        x.setAutoTickUnitSelection(true);
        x.setMinorTickMarksVisible(true);
        x.setAutoRange(false);
        x.setRange(first - 0.125, Math.max(last, first + 0.25) + 0.125);
        ChartStyle.styleAxis(x);
        return x;
    }

    /** A number axis whose ticks are quarters (its own class, so the house number format leaves it alone). */
    private static final class QuarterAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;

        QuarterAxis(String label) {
            super(label);
        }
    }

    /** Formats x positions as quarter labels. */
    private static final class QuarterFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
