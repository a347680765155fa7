package eu.cloudmarket.model;

/**
 * The current quarter and its technology index. Written only at the start of each quarter.
 */
final class QuarterState {
    private static final double QUARTERS_PER_YEAR = 4.0;
    private int index;
    private double techIndex = 1.0;

    /**
     * Enters quarter k: the technology (quality-adjusted cost) index becomes T(t) = (1 + costTrendPerYear)^(k/4).
     * Buyers compare prices deflated by it: α applies to p/T, so technical progress that lowers every price and cost
     * alike does not by itself change choices, and markups scale with the price level (domain.md §1.3, I8).
     */
    void start(int k, double costTrendPerYear) {
        index = k;
        techIndex = Math.pow(1 + costTrendPerYear, years());
    }

    int index() {
        return index;
    }

    /** Years since the start of the run. */
    double years() {
        return index / QUARTERS_PER_YEAR;
    }

    double techIndex() {
        return techIndex;
    }
}
