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
