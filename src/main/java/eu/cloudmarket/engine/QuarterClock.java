package eu.cloudmarket.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps simulation time in quarters to calendar labels. Quarter {@code k} covers {@code [k, k+1)} and is labelled from
 * the start quarter, e.g. with start 2025Q1, time 0.5 lies in 2025Q1 and time 4.0 starts 2026Q1. A calendar date maps
 * to the fraction of its quarter that has elapsed at the start of that day.
 */
public final class QuarterClock {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})Q([1-4])");

    private final int startYear;
    private final int startQuarter;

    public QuarterClock(int startYear, int startQuarter) {
        if (startQuarter < 1 || startQuarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + startQuarter);
        }
        this.startYear = startYear;
        this.startQuarter = startQuarter;
    }

    /** Parses a label such as {@code 2025Q1}. */
    public static QuarterClock startingAt(String label) {
        int[] yq = parseLabel(label);
        return new QuarterClock(yq[0], yq[1]);
    }

    /** Returns {year, quarter} of a label, or throws IllegalArgumentException. */
    public static int[] parseLabel(String label) {
        Matcher m = LABEL.matcher(label == null ? "" : label.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quarter label like 2025Q1: '" + label + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    public static boolean isLabel(String s) {
        return s != null && LABEL.matcher(s.trim()).matches();
    }

    public int startYear() {
        return startYear;
    }

    public int startQuarter() {
        return startQuarter;
    }

    /** Label of quarter index {@code k} (may be negative, for dates before the start). */
    public String label(int k) {
        int abs = startYear * 4 + (startQuarter - 1) + k;
        return Math.floorDiv(abs, 4) + "Q" + (Math.floorMod(abs, 4) + 1);
    }

    /** Label of the quarter containing time {@code t}. */
    public String labelAt(double t) {
        return label((int) Math.floor(t));
    }

    /** Quarter index of a label relative to the start. */
    public int indexOf(String label) {
        int[] yq = parseLabel(label);
        return (yq[0] * 4 + yq[1] - 1) - (startYear * 4 + startQuarter - 1);
    }

    /** Time of a calendar date: quarter index plus the elapsed fraction of that quarter. */
    public double timeOf(LocalDate date) {
        int q = (date.getMonthValue() - 1) / 3;
        LocalDate qStart = LocalDate.of(date.getYear(), q * 3 + 1, 1);
        LocalDate qEnd = qStart.plusMonths(3);
        double frac = (double) ChronoUnit.DAYS.between(qStart, date) / ChronoUnit.DAYS.between(qStart, qEnd);
        int index = (date.getYear() * 4 + q) - (startYear * 4 + startQuarter - 1);
        return index + frac;
    }

    /** Calendar year (fractional) at time t, e.g. 2025.0 at the start of 2025Q1. */
    public double yearAt(double t) {
        return startYear + (startQuarter - 1) / 4.0 + t / 4.0;
    }
}
