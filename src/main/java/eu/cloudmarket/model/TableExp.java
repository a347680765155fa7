package eu.cloudmarket.model;

/**
 * Table-driven exponential and power, about 1e-9 relative error, for the fast path of a choice whose result is then
 * checked against the exact arithmetic's (see {@link NestedLogit#choose(double[], NestedLogit.Plan, double, double)}).
 * They are several times cheaper than {@link Math#exp} and {@link Math#log}: one table lookup and a second-order
 * term each, no range reduction beyond splitting off powers of two.
 *
 * <p>exp(d) = 2^(k/256) · exp(f) with k = round(256 d / ln 2) and |f| ≤ ln 2 / 512; 2^(k/256) is a power of two times
 * one of 256 tabulated values, and exp(f) ≈ 1 + f + f²/2 (error below f³/6 ≈ 4e-10). log2(s) splits s into its
 * binary exponent and mantissa m in [1, 2); m is divided by the midpoint of its 1/256 cell (tabulated with its
 * log2), leaving a ratio 1 + r with |r| < 1/512 and ln(1 + r) ≈ r - r²/2 (error below r³/3 ≈ 2.5e-9). The
 * tables are filled once from {@link Math#log} and {@link Math#pow} and never written again.
 */
final class TableExp {
    /**
     * Bound on the relative error of {@link #exp} and {@link #pow} over their documented domains; measured maxima
     * are 4.2e-10 and 2.8e-9 (checked densely by the unit tests against this bound).
     */
    static final double MAX_RELATIVE_ERROR = 5e-9;

    /** Arguments of {@link #exp} must lie in [MIN_EXP_ARG, MAX_EXP_ARG]; below MIN_EXP_ARG it returns 0. */
    static final double MIN_EXP_ARG = -708;
    static final double MAX_EXP_ARG = 709;

    private static final int BITS = 8;
    private static final int CELLS = 1 << BITS;
    private static final double[] POW2 = new double[CELLS];
    private static final double[] LOG2_MID = new double[CELLS];
    private static final double[] INV_MID = new double[CELLS];
    private static final double LN2 = Math.log(2);
    private static final double CELLS_PER_LN2 = CELLS / LN2;
    private static final double LN2_PER_CELL = LN2 / CELLS;
    private static final double INV_LN2 = 1 / LN2;
    /** Adding 1.5 · 2^52 rounds a double of magnitude below 2^51 to an integer, held in its low mantissa bits. */
    private static final double ROUND = 0x1.8p52;
    private static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE = 0x3FF0_0000_0000_0000L;

    static {
        for (int i = 0; i < CELLS; i++) {
            double mid = 1 + (i + 0.5) / CELLS;
            POW2[i] = Math.pow(2, (double) i / CELLS);
            LOG2_MID[i] = Math.log(mid) / LN2;
            INV_MID[i] = 1 / mid;
        }
    }

    private TableExp() {
    }

    /** e^d for d in [{@value #MIN_EXP_ARG}, {@value #MAX_EXP_ARG}]; 0 for d below (including -∞). */
    static double exp(double d) {
        double r = pow2(d * CELLS_PER_LN2);
        return d >= MIN_EXP_ARG ? r : 0;
    }

    /** s^a for a normal s > 0 and a in (0, 1]. */
    static double pow(double s, double a) {
        long bits = Double.doubleToRawLongBits(s);
        int exponent = (int) (bits >>> 52) - 1023;
        int cell = (int) (bits >>> (52 - BITS)) & (CELLS - 1);
        double r = Double.longBitsToDouble((bits & MANTISSA) | ONE) * INV_MID[cell] - 1;
        double log2 = exponent + LOG2_MID[cell] + (r - 0.5 * r * r) * INV_LN2;
        return pow2(a * log2 * CELLS);
    }

    /** 2^(t / 256) for |t| below 2^18 · 1.1 with a result in the normal range. */
    private static double pow2(double t) {
        double shifted = t + ROUND;
        int k = (int) Double.doubleToRawLongBits(shifted);
        double f = (t - (shifted - ROUND)) * LN2_PER_CELL;
        double scale = Double.longBitsToDouble((long) ((k >> BITS) + 1023) << 52);
        return scale * POW2[k & (CELLS - 1)] * (1 + f * (1 + 0.5 * f));
    }
}
