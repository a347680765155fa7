package eu.cloudmarket.model;

/**
 * Expected demand of a set of buyers for each provider and for the outside option, per product, with its exact
 * derivatives with respect to every provider's price of that product: the sums that {@link Elasticities} turns into
 * elasticities and diversion ratios.
 *
 * <p>Buyer i brings its utilities V_ik at the current prices, its units of each product u_i^x (the demand it adds to
 * the provider it chooses) and, for each product x and provider k, a_ik^x = −∂V_ik/∂p_k^x ≥ 0. From its nested-logit
 * probabilities P_ij, within-nest probabilities P_{k|n} and outside probability P_i0 (Train 2009 ch. 4; the
 * derivatives are those of {@link CalibrationSample}):
 *
 * <pre>
 *   ∂P_ij/∂V_ik = P_ij·(1{j=k}/(1−σ) − 1{nest(j)=nest(k)}·σ/(1−σ)·P_{k|n} − P_ik)      ∂P_i0/∂V_ik = −P_i0·P_ik
 *   D_j^x = Σ_i u_i^x·P_ij        ∂D_j^x/∂p_k^x = −Σ_i u_i^x·a_ik^x·∂P_ij/∂V_ik        (j = 0 the outside option)
 * </pre>
 *
 * A provider alone in its nest has P_{k|n} = 1, which gives the plain-logit P_ij·(1{j=k} − P_ik). Because the
 * probabilities of each buyer sum to one, Σ_j ∂D_j^x/∂p_k^x over the providers and the outside option is zero to
 * rounding, which makes the diversion ratios from a provider sum to one.
 */
final class DemandDerivatives {
    private final NestedLogit logit;
    private final int nP;
    private final int products;
    /** 1/(1−σ), and σ/(1−σ) for two providers of one nest. */
    private final double inv;
    private final double within;
    private final int[] nestOf;
    /** [product][j] D_j^x; j = nP is the outside option. */
    private final double[][] demand;
    /** [product][j][k] ∂D_j^x/∂p_k^x; j = nP is the outside option. */
    private final double[][][] slope;
    private final double[] prob;
    private final double[] cond;
    /** Scratch: [j][k] ∂P_ij/∂V_ik of the buyer being added (row nP the outside option). */
    private final double[][] dp;

    DemandDerivatives(NestedLogit logit, int providers, int products) {
        this.logit = logit;
        this.nP = providers;
        this.products = products;
        double sigma = logit.sigma();
        inv = 1 / (1 - sigma);
        within = sigma / (1 - sigma);
        nestOf = new int[nP];
        for (int j = 0; j < nP; j++) {
            nestOf[j] = logit.nestOf(j);
        }
        demand = new double[products][nP + 1];
        slope = new double[products][nP + 1][nP];
        prob = new double[nP];
        cond = new double[nP];
        dp = new double[nP + 1][nP];
    }

    /** Starts a new sum. */
    void clear() {
        for (int x = 0; x < products; x++) {
            java.util.Arrays.fill(demand[x], 0);
            for (double[] row : slope[x]) {
                java.util.Arrays.fill(row, 0);
            }
        }
    }

    /**
     * Adds one buyer: utilities {@code v} of the providers ({@code available} ones only) and {@code v0} of the outside
     * option, its units {@code units[x]} of each product, and {@code priceWeight[x][k]} = −∂V_k/∂p_k^x.
     */
    void add(double[] v, boolean[] available, double v0, double[] units, double[][] priceWeight) {
        double iv = logit.compute(v, available, v0, prob, cond);
        double p0 = Math.exp(v0 - iv);
        for (int j = 0; j < nP; j++) {
            double pj = prob[j];
            for (int k = 0; k < nP; k++) {
                double own = j == k ? inv : 0;
                double nest = nestOf[j] == nestOf[k] ? within * cond[k] : 0;
                dp[j][k] = pj * (own - nest - prob[k]);
            }
        }
        for (int k = 0; k < nP; k++) {
            dp[nP][k] = -p0 * prob[k];
        }
        for (int x = 0; x < products; x++) {
            double u = units[x];
            if (u == 0) {
                continue;
            }
            double[] d = demand[x];
            for (int j = 0; j < nP; j++) {
                d[j] += u * prob[j];
            }
            d[nP] += u * p0;
            double[] a = priceWeight[x];
            for (int j = 0; j <= nP; j++) {
                double[] s = slope[x][j];
                double[] row = dp[j];
                for (int k = 0; k < nP; k++) {
                    s[k] -= u * a[k] * row[k];
                }
            }
        }
    }

    /** D_j^x of the buyers added so far; j = providers count is the outside option. */
    double demand(int x, int j) {
        return demand[x][j];
    }

    /** ∂D_j^x/∂p_k^x of the buyers added so far; j = providers count is the outside option. */
    double slope(int x, int j, int k) {
        return slope[x][j][k];
    }

    /**
     * The elasticities e_jk = (∂D_j/∂p_k)(p_k/D_j) and the diversion ratios from k to j, −(∂D_j/∂p_k)/(∂D_k/∂p_k), at
     * prices {@code prices[x][k]}; NaN where a demand or an own-price slope is zero, and on the diagonal of the
     * diversion ratios.
     */
    PriceElasticities result(double[][] prices) {
        double[][][] e = new double[products][nP + 1][nP];
        double[][][] dr = new double[products][nP + 1][nP];
        for (int x = 0; x < products; x++) {
            for (int j = 0; j <= nP; j++) {
                double dj = demand[x][j];
                for (int k = 0; k < nP; k++) {
                    double s = slope[x][j][k];
                    double ownK = slope[x][k][k];
                    e[x][j][k] = dj > 0 ? s * prices[x][k] / dj : Double.NaN;
                    dr[x][j][k] = j != k && ownK < 0 ? -s / ownK : Double.NaN;
                }
            }
        }
        return new PriceElasticities(e, dr);
    }
}
