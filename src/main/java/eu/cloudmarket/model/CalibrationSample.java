package eu.cloudmarket.model;

/**
 * Expected choices of a sample of buyers without switching costs, for the BLP contraction in
 * {@link QualityCalibration}, where only the qualities δ_j and the outside utilities δ_0g change from one
 * iteration to the next while prices, tastes and availability stay fixed.
 *
 * <p>The buyer-specific price terms are therefore exponentiated once: with v_ij = U_gj − α_i·b_gj (U_gj the segment's
 * utility parts, b_gj its blended price) and a per-segment shift M_g ≥ max(U_gj, δ_0g),
 * <pre>
 *   exp((v_ij − M_g)/(1−σ)) = exp((U_gj − M_g)/(1−σ)) · exp(−α_i b_gj/(1−σ))
 * </pre>
 * so an iteration costs, per buyer, one logarithm and one exponential (for a nest of several providers) plus products,
 * instead of an exponential per provider. The probabilities are those of {@link NestedLogit#compute} in real
 * arithmetic (single-alternative nests included); only the floating-point rounding differs. A buyer whose weights
 * all underflow (not seen with realistic parameters) falls back to {@link NestedLogit#compute}.
 *
 * <p>With a {@link Derivatives} accumulator the same pass also adds the derivatives of expected revenue and cloud
 * workload with respect to the qualities and the outside utilities, for Newton steps. For a buyer with choice
 * probabilities P_j, within-nest probabilities P_{k|n} and outside probability P_0 (nested logit, Train 2009 ch. 4):
 * <pre>
 *   ∂P_j/∂δ_k  = P_j·(1{j=k}/(1−σ) − P_k − 1{nest(j)=nest(k)}·σ/(1−σ)·P_{k|n})
 *   ∂P_j/∂δ_0g = −P_j·P_0          ∂P_0/∂δ_k = −P_0·P_k          ∂P_0/∂δ_0g = P_0·(1 − P_0)
 * </pre>
 * A single-provider nest has P_{k|n} = 1, which gives the plain-logit P_j·(1 − P_j) on the diagonal.
 */
final class CalibrationSample {
    private final int nP;
    private final int nests;
    private final double sigma;
    private final double inv;
    private final int[] nestOf;
    private final int size;
    /** Index of each sample buyer in the market's columns. */
    private final int[] index;
    private final byte[] segment;
    private final byte[] country;
    private final double[] workload;
    private final double[] alpha;
    /**
     * Row i·nP + j: exp(−α_i b_gj) if j is the only provider of its nest available in the buyer's country (and σ &gt;
     * 0), else exp(−α_i b_gj/(1−σ)); one value per provider keeps a pass's memory traffic at half of storing both.
     */
    private final double[] x;
    private final boolean[][] available;
    /** Available providers of each nest, by country: members[c][nest]. */
    private final int[][][] members;
    private final double[][] blend;
    private final NestedLogit logit;
    // scratch
    private final double[] e;
    private final double[] s;
    private final double[] w;
    private final double[][] a;
    private final double[][] b;
    private final double[] o;
    private final double[] v;
    private final double[] prob;
    private final double[] cond;
    /** σ/(1−σ) at j·nP + k if providers j and k share a nest, else 0. */
    private final double[] within;

    /** Buyers with ids 0, step, 2·step, ... at the market's current prices ({@code blend}, fixed while calibrating). */
    CalibrationSample(Roster roster, Buyers buyers, int step, double[][] blend, boolean[][] available,
            NestedLogit logit) {
        this.nP = roster.nP;
        int nG = roster.nG;
        this.logit = logit;
        this.sigma = logit.sigma();
        this.inv = 1.0 / (1.0 - sigma);
        this.nests = Origin.values().length;
        this.nestOf = new int[nP];
        for (int j = 0; j < nP; j++) {
            nestOf[j] = logit.nestOf(j);
        }
        this.blend = blend;
        this.available = available;
        members = new int[available.length][nests][];
        for (int c = 0; c < available.length; c++) {
            for (int nest = 0; nest < nests; nest++) {
                int k = 0;
                int[] js = new int[nP];
                for (int j = 0; j < nP; j++) {
                    if (available[c][j] && nestOf[j] == nest) {
                        js[k++] = j;
                    }
                }
                members[c][nest] = java.util.Arrays.copyOf(js, k);
            }
        }
        index = buyers.indicesOfIds(step);
        size = index.length;
        segment = new byte[size];
        country = new byte[size];
        workload = new double[size];
        alpha = new double[size];
        x = new double[size * nP];
        boolean nested = sigma != 0;
        for (int s = 0; s < size; s++) {
            int i = index[s];
            int g = buyers.segment[i];
            segment[s] = (byte) g;
            country[s] = buyers.country[i];
            workload[s] = buyers.workload[i];
            double al = roster.sp[g].alpha() * buyers.alphaMult[i];
            alpha[s] = al;
            int[][] mem = members[buyers.country[i]];
            for (int j = 0; j < nP; j++) {
                double price = al * blend[g][j];
                boolean single = nested && mem[nestOf[j]].length == 1;
                x[s * nP + j] = single ? Math.exp(-price) : Math.exp(-price * inv);
            }
        }
        e = new double[nP];
        this.s = new double[nests];
        w = new double[nests];
        a = new double[nG][nP];
        b = new double[nG][nP];
        o = new double[nG];
        v = new double[nP];
        prob = new double[nP];
        cond = new double[nP];
        within = new double[nP * nP];
        for (int j = 0; j < nP; j++) {
            for (int k = 0; k < nP; k++) {
                within[j * nP + k] = nestOf[j] == nestOf[k] ? sigma / (1 - sigma) : 0;
            }
        }
    }

    /** Number of buyers in the sample. */
    int size() {
        return size;
    }

    /** Re-reads the sample buyers' workloads (the initial assignment rescales them to the market size). */
    void refreshWorkloads(Buyers buyers) {
        for (int s = 0; s < size; s++) {
            workload[s] = buyers.workload[index[s]];
        }
    }

    /**
     * Adds the sample's expected revenue by provider ({@code rev}), expected cloud workload by segment
     * ({@code cloudQ}) and workload by segment ({@code totalQ}) at utility parts {@code baseU} and outside utilities
     * {@code u0}, visiting buyers in the same order as a plain loop over the sample.
     */
    void expectedChoices(double[][] baseU, double[] u0, double[] rev, double[] cloudQ, double[] totalQ) {
        expectedChoices(baseU, u0, rev, cloudQ, totalQ, null);
    }

    /**
     * Derivatives of the sample's expected revenue by provider and cloud workload by segment, accumulated by
     * {@link #expectedChoices(double[][], double[], double[], double[], double[], Derivatives)} as probability
     * moments and turned into derivatives by {@link #finish}. Every buyer of segment g sees the same blended prices
     * b_gj, so with sums over buyers i (of segment g(i)) weighted by workload q_i,
     * W[j][k] = Σ_i q·b_gj·P_j·(P_k + 1{nest(j)=nest(k)}·σ/(1−σ)·P_{k|n}), B_g[j] = Σ_{i in g} q·P_j·P_0 and
     * C_g = Σ_{i in g} q·P_0·(1−P_0):
     * <pre>
     *   ∂rev_j/∂δ_k   = 1{j=k}·rev_j/(1−σ) − W[j][k]
     *   ∂rev_j/∂δ_0g  = −b_gj·B_g[j]       ∂cloud_g/∂δ_k = B_g[k]       ∂cloud_g/∂δ_0g = −C_g
     * </pre>
     * Summing W over all buyers at once, weighted by their segment's price, keeps one buyer's update to a fixed
     * nP × nP block, dense and without tests.
     */
    static final class Derivatives {
        /** ∂rev_j/∂δ_k. */
        final double[][] revByDelta;
        /** ∂rev_j/∂δ_0g. */
        final double[][] revByOutside;
        /** ∂cloudQ_g/∂δ_k. */
        final double[][] cloudByDelta;
        /** ∂cloudQ_g/∂δ_0g (a segment's cloud workload does not depend on other segments' outside utilities). */
        final double[] cloudByOutside;
        /** Moments W as j·nP + k, B as g·nP + j. */
        private final double[] mw;
        private final double[] bb;
        private final int nP;

        Derivatives(int nP, int nG) {
            this.nP = nP;
            revByDelta = new double[nP][nP];
            revByOutside = new double[nP][nG];
            cloudByDelta = new double[nG][nP];
            cloudByOutside = new double[nG];
            mw = new double[nP * nP];
            bb = new double[nG * nP];
        }

        void clear() {
            java.util.Arrays.fill(mw, 0);
            java.util.Arrays.fill(bb, 0);
            java.util.Arrays.fill(cloudByOutside, 0);
        }

        /** Turns the moments into derivatives, given the pass's revenue, σ and the blended prices. */
        private void finish(double[] rev, double sigma, double[][] blend) {
            int nG = cloudByOutside.length;
            for (int j = 0; j < nP; j++) {
                for (int k = 0; k < nP; k++) {
                    double diagonal = j == k ? rev[j] / (1 - sigma) : 0;
                    revByDelta[j][k] = diagonal - mw[j * nP + k];
                }
            }
            for (int g = 0; g < nG; g++) {
                double[] bl = blend[g];
                for (int j = 0; j < nP; j++) {
                    revByOutside[j][g] = -bl[j] * bb[g * nP + j];
                    cloudByDelta[g][j] = bb[g * nP + j];
                }
            }
        }
    }

    /**
     * As {@link #expectedChoices(double[][], double[], double[], double[], double[])}, also filling the derivatives
     * {@code d} unless it is null (then {@code rev} must start at zero: the derivatives use the pass's revenue).
     *
     * <p>Hot loop, kept in one piece (about 95 lines): the calibration's moment pass, run 4 to 6 times over 20,000
     * buyers per calibration and timed by the calibration benchmarks; splitting the per-buyer body into calls would
     * cost inlining budget in the loop the JIT must compile whole.
     */
    void expectedChoices(double[][] baseU, double[] u0, double[] rev, double[] cloudQ, double[] totalQ,
            Derivatives d) {
        int nG = a.length;
        boolean nested = sigma != 0;
        for (int g = 0; g < nG; g++) {
            double shift = u0[g];
            for (int j = 0; j < nP; j++) {
                shift = Math.max(shift, baseU[g][j]);
            }
            for (int j = 0; j < nP; j++) {
                a[g][j] = Math.exp((baseU[g][j] - shift) * inv);
                b[g][j] = Math.exp(baseU[g][j] - shift);
            }
            o[g] = Math.exp(u0[g] - shift);
        }
        double keep = 1 - sigma;
        for (int i = 0; i < size; i++) {
            int g = segment[i];
            int c = country[i];
            int[][] mem = members[c];
            double[] ag = a[g];
            double[] bg = b[g];
            int row = i * nP;
            // Nest by nest: a single available provider has weight exp(v - M); several have S^(1-σ).
            double total = o[g];
            for (int m = 0; m < nests; m++) {
                int[] js = mem[m];
                if (js.length == 0) {
                    w[m] = 0;
                } else if (nested && js.length == 1) {
                    int j = js[0];
                    w[m] = bg[j] * x[row + j];
                    s[m] = 1;
                    e[j] = 1;
                } else {
                    double sm = 0;
                    for (int j : js) {
                        double xj = ag[j] * x[row + j];
                        e[j] = xj;
                        sm += xj;
                    }
                    s[m] = sm;
                    w[m] = sm > 0 ? (nested ? Math.exp(keep * Math.log(sm)) : sm) : 0;
                }
                total += w[m];
            }
            double q = workload[i];
            double[] bl = blend[g];
            double inCloud = 0;
            if (total > 1e-200) {
                // P(j) = e_j · w_n / (S_n · total): one division per nest, not per provider.
                double invTotal = 1.0 / total;
                if (d != null) {
                    java.util.Arrays.fill(prob, 0);
                    java.util.Arrays.fill(cond, 0);
                }
                for (int m = 0; m < nests; m++) {
                    int[] js = mem[m];
                    if (js.length == 0 || !(s[m] > 0)) {
                        continue;
                    }
                    double r = w[m] * invTotal / s[m];
                    for (int j : js) {
                        double p = e[j] * r;
                        rev[j] += q * p * bl[j];
                        inCloud += p;
                        prob[j] = p;
                    }
                    if (d != null) {
                        double invS = 1 / s[m];
                        for (int j : js) {
                            cond[j] = e[j] * invS;
                        }
                    }
                }
                if (d != null) {
                    addMoments(d, g, q, bl, o[g] * invTotal);
                }
            } else {
                boolean[] av = available[c];
                for (int j = 0; j < nP; j++) {
                    v[j] = baseU[g][j] - alpha[i] * bl[j];
                }
                logit.compute(v, av, u0[g], prob, null);
                for (int j = 0; j < nP; j++) {
                    rev[j] += q * prob[j] * bl[j];
                    inCloud += prob[j];
                }
            }
            cloudQ[g] += q * inCloud;
            totalQ[g] += q;
        }
        if (d != null) {
            d.finish(rev, sigma, blend);
        }
    }

    /**
     * Adds one buyer's probability moments to {@code d}: {@code prob} and {@code cond} hold the buyer's choice and
     * within-nest probabilities from the pass that called it (zero for unavailable providers), {@code bl} its
     * segment's blended prices and {@code p0} its outside probability. Dense and without tests: an unavailable
     * provider adds zeros, and {@code within} is zero across nests.
     */
    private void addMoments(Derivatives d, int g, double q, double[] bl, double p0) {
        double[] mw = d.mw;
        double[] bb = d.bb;
        double[] pr = prob;
        double[] cd = cond;
        double[] wn = within;
        int n = nP;
        int bRow = g * n;
        double qp0 = q * p0;
        for (int j = 0; j < n; j++) {
            double pj = pr[j];
            double uj = q * bl[j] * pj;
            int row = j * n;
            for (int k = 0; k < n; k++) {
                mw[row + k] += uj * (pr[k] + wn[row + k] * cd[k]);
            }
            bb[bRow + j] += qp0 * pj;
        }
        d.cloudByOutside[g] -= q * p0 * (1 - p0);
    }
}
