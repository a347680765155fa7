package eu.cloudmarket.model;

/**
 * Nested-logit choice probabilities with one nest per provider origin (US, EU, CN) plus the outside option in a nest
 * of its own (Berry 1994 [S73]; Gallego and Wang [S76]). With nesting parameter σ in [0, 1):
 *
 * <pre>
 *   P(j) = P(j | n) · P(n),   P(j | n) = exp(V_j / (1-σ)) / S_n,   S_n = Σ_{k∈n} exp(V_k / (1-σ))
 *   P(n) = S_n^(1-σ) / (exp(V_0) + Σ_m S_m^(1-σ))
 * </pre>
 *
 * σ = 0 is the plain multinomial logit. The log of the denominator is the inclusive value (expected maximum utility),
 * from which consumer surplus is computed. Utilities are shifted by their maximum before exponentiation for numerical
 * stability. Instances hold scratch arrays and are not thread-safe; each market owns its own.
 */
public final class NestedLogit {
    private final int[] nestOf;
    private final int nests;
    private final double sigma;
    private final double inv;
    private final double[] e;
    private final double[] s;
    private final double[] w;
    private final int[] count;
    private double max;
    private long exactChoices;

    public NestedLogit(int[] nestOf, int nests, double sigma) {
        if (!(sigma >= 0 && sigma < 1)) {
            throw new IllegalArgumentException("sigma must be in [0, 1), was " + sigma);
        }
        this.nestOf = nestOf.clone();
        this.nests = nests;
        this.sigma = sigma;
        this.inv = 1.0 / (1.0 - sigma);
        this.e = new double[nestOf.length];
        this.s = new double[nests];
        this.w = new double[nests];
        this.count = new int[nests];
    }

    public double sigma() {
        return sigma;
    }

    public int nestOf(int j) {
        return nestOf[j];
    }

    /**
     * Fills {@code prob[j]} (unconditional) and {@code cond[j]} (within-nest) for the available alternatives (zero for
     * the others) and returns the inclusive value ln(exp(V_0) + Σ_n S_n^(1-σ)). {@code cond} may be null.
     *
     * @return the inclusive value; {@code prob0} (the outside probability) is {@code exp(v0 - result)}
     */
    public double compute(double[] v, boolean[] available, double v0, double[] prob, double[] cond) {
        int n = nestOf.length;
        double total = weights(v, available, v0);
        double invTotal = 1.0 / total;
        for (int j = 0; j < n; j++) {
            if (e[j] > 0) {
                int m = nestOf[j];
                double c = e[j] / s[m];
                prob[j] = c * w[m] * invTotal;
                if (cond != null) {
                    cond[j] = c;
                }
            } else {
                prob[j] = 0;
                if (cond != null) {
                    cond[j] = 0;
                }
            }
        }
        return max + Math.log(total);
    }

    /**
     * Draws an alternative with uniform {@code u}: the same result, bit for bit, as {@link #compute} followed by
     * {@link #sample}, but without the inclusive value and stopping at the chosen alternative, so a decision costs
     * only the exponentials it needs. Returns j, or -1 for the outside option.
     */
    public int choose(double[] v, boolean[] available, double v0, double u) {
        int n = nestOf.length;
        double invTotal = 1.0 / weights(v, available, v0);
        double c = 0;
        for (int j = 0; j < n; j++) {
            if (e[j] > 0) {
                int m = nestOf[j];
                c += e[j] / s[m] * w[m] * invTotal;
                if (u < c) {
                    return j;
                }
            }
        }
        return -1;
    }

    /**
     * What {@link #choose(double[], Plan, double, double)} needs to know about one pattern of available alternatives,
     * worked out once for the pattern instead of once per decision: which alternatives are available, the scale of
     * each one's exponent, and which nests have a weight S^(1-σ) to compute. A market has a handful of patterns
     * (country × current provider) and makes a million decisions with them.
     */
    public static final class Plan {
        final boolean[] available;
        /**
         * The factor on V_j - V_0 in j's exponential: 1 for an alternative that is, with σ &gt; 0, alone in its nest
         * (its exponential is the nest's weight), 1/(1-σ) otherwise.
         */
        final double[] scale;
        /** The nest's weight is S^(1-σ) (σ &gt; 0 and not exactly one available alternative) rather than S. */
        final boolean[] power;

        private Plan(int alternatives, int nests) {
            available = new boolean[alternatives];
            scale = new double[alternatives];
            power = new boolean[nests];
        }
    }

    /** A plan for this model's alternatives and nests, to be filled by {@link #plan(boolean[], Plan)}. */
    public Plan newPlan() {
        return new Plan(nestOf.length, nests);
    }

    /** Fills {@code out} for the availability pattern {@code available} (copied). */
    public void plan(boolean[] available, Plan out) {
        int n = nestOf.length;
        int[] members = count;
        java.util.Arrays.fill(members, 0);
        for (int j = 0; j < n; j++) {
            out.available[j] = available[j];
            if (available[j]) {
                members[nestOf[j]]++;
            }
        }
        boolean nested = sigma != 0;
        for (int j = 0; j < n; j++) {
            boolean single = available[j] && nested && members[nestOf[j]] == 1;
            out.scale[j] = single ? 1.0 : inv;
        }
        for (int m = 0; m < nests; m++) {
            out.power[m] = nested && members[m] != 1;
        }
    }

    /**
     * {@link #choose(double[], boolean[], double, double)} for an availability pattern worked out in advance: the
     * same alternative, bit for bit, as the general choice (checked by the unit tests), at a fraction of its cost.
     *
     * <p>The decision is first made with table-driven exponentials and powers ({@link TableExp}, relative error below
     * 5e-9) and utilities shifted by the outside option's instead of the largest. Each cumulative probability is then
     * within 1e-7 of the exact arithmetic's (every weight within 5 · 5e-9 relatively, the total within 2 · 5e-9),
     * so if the uniform lies more than {@link #FAST_MARGIN} from the chosen interval's two ends the exact choice is
     * the same alternative. Otherwise (about once in 80,000 decisions of a baseline run), or when utilities are so
     * far apart that the exact arithmetic's exponentials could underflow, or are not finite, the general choice
     * decides.
     */
    public int choose(double[] v, Plan plan, double v0, double u) {
        int n = nestOf.length;
        boolean[] av = plan.available;
        double[] scale = plan.scale;
        boolean[] power = plan.power;
        double[] x = e;
        for (int m = 0; m < nests; m++) {
            s[m] = 0;
        }
        // d_j = (V_j - V_0) · scale_j; the outside option's weight is exp(0) = 1.
        // lo and hi: the smallest and largest exponent, or NaN if a utility is NaN (Math.min and max, not a
        // comparison: they compile without branches, which would be mispredicted).
        double lo = 0;
        double hi = 0;
        for (int j = 0; j < n; j++) {
            double xj = 0;
            if (av[j]) {
                double d = (v[j] - v0) * scale[j];
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
                xj = TableExp.exp(d);
            }
            x[j] = xj;
            s[nestOf[j]] += xj;
        }
        double total = 1;
        for (int m = 0; m < nests; m++) {
            double sm = s[m];
            double wm = power[m] && sm > 0 ? TableExp.pow(sm, 1 - sigma) : sm;
            w[m] = wm;
            total += wm;
        }
        // Cumulative weights against u · total: no division on the way to the decision.
        double ut = u * total;
        double c = 0;
        double below = 0;
        int chosen = -1;
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            if (xj > 0) {
                int m = nestOf[j];
                c += power[m] ? xj / s[m] * w[m] : xj;
                if (ut < c) {
                    chosen = j;
                    break;
                }
                below = c;
            }
        }
        // The exact arithmetic shifts by the largest utility: its exponents are at least lo - inv · hi, so above
        // -600 none of its exponentials or nest sums underflows (and none of these overflows).
        double margin = FAST_MARGIN * total;
        boolean inRange = lo - inv * hi > -600;
        boolean clear = chosen >= 0 ? ut < c - margin && ut >= below + margin : ut >= c + margin;
        if (inRange && clear) {
            return chosen;
        }
        exactChoices++;
        return choose(v, plan.available, v0, u);
    }

    /**
     * How far (in probability) the uniform of a planned choice must lie from the ends of the interval that the fast
     * path chose, for the exact choice to be the same: ten times the fast path's largest possible error.
     */
    static final double FAST_MARGIN = 1e-6;

    /** Planned choices that were decided by the exact arithmetic (near an interval's end, or extreme utilities). */
    long exactChoices() {
        return exactChoices;
    }

    /**
     * Fills the within-nest weights {@code e} (zero for unavailable alternatives), the nest sums {@code s} and the
     * nest weights {@code w} = S^(1-σ), all relative to the largest utility (kept in {@link #max}), and returns the
     * denominator exp(V_0 - max) + Σ_m w_m.
     *
     * <p>A nest with a single available alternative j has S^(1-σ) = exp(V_j - max) exactly in real arithmetic, and
     * P(j | n) = 1; it is computed so, with one exponential instead of an exponential, a logarithm and another
     * exponential (in the baseline the EU and CN nests are single providers).
     */
    private double weights(double[] v, boolean[] available, double v0) {
        int n = nestOf.length;
        double mx = v0;
        for (int m = 0; m < nests; m++) {
            s[m] = 0;
            count[m] = 0;
        }
        for (int j = 0; j < n; j++) {
            if (available[j]) {
                count[nestOf[j]]++;
                if (v[j] > mx) {
                    mx = v[j];
                }
            }
        }
        max = mx;
        boolean nested = sigma != 0;
        for (int j = 0; j < n; j++) {
            if (available[j]) {
                int m = nestOf[j];
                if (nested && count[m] == 1) {
                    e[j] = 1;
                    s[m] = 1;
                    w[m] = Math.exp(v[j] - mx);
                } else {
                    double x = Math.exp((v[j] - mx) * inv);
                    e[j] = x;
                    s[m] += x;
                }
            } else {
                e[j] = 0;
            }
        }
        double total = Math.exp(v0 - mx);
        for (int m = 0; m < nests; m++) {
            if (!nested || count[m] != 1) {
                double sm = s[m];
                w[m] = sm > 0 ? (nested ? Math.exp((1 - sigma) * Math.log(sm)) : sm) : 0;
            }
            total += w[m];
        }
        return total;
    }

    /**
     * Samples an alternative from probabilities filled by {@link #compute}: returns j, or -1 for the outside option.
     */
    public static int sample(double[] prob, int n, double u) {
        double c = 0;
        for (int j = 0; j < n; j++) {
            c += prob[j];
            if (u < c) {
                return j;
            }
        }
        return -1;
    }
}
