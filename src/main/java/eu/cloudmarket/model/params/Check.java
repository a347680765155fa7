package eu.cloudmarket.model.params;

import java.util.Collection;
import java.util.Map;

/** Precondition helpers for parameter records; each failure names the field and the offending value. */
public final class Check {
    private Check() {
    }

    public static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + ": must be a finite number, was " + v);
        }
        return v;
    }

    public static double nonNegative(String field, double v) {
        finite(field, v);
        if (v < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + v);
        }
        return v;
    }

    public static double positive(String field, double v) {
        finite(field, v);
        if (v <= 0) {
            throw new IllegalArgumentException(field + ": must be > 0, was " + v);
        }
        return v;
    }

    public static double range(String field, double v, double lo, double hi) {
        finite(field, v);
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(field + ": must be in [" + lo + ", " + hi + "], was " + v);
        }
        return v;
    }

    public static int atLeast(String field, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(field + ": must be >= " + min + ", was " + v);
        }
        return v;
    }

    public static <T> T required(String field, T v) {
        if (v == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return v;
    }

    public static void notEmpty(String field, Collection<?> c) {
        if (c == null || c.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
    }

    public static void notEmpty(String field, Map<?, ?> c) {
        if (c == null || c.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
    }
}
