package eu.cloudmarket.model;

/**
 * Expected choices of a sample of buyers without switching costs, for the BLP contraction in
 * {@code Market.calibrateQualities}, where only the qualities δ_j and the outside utilities δ_0g change from one
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

    /** Buyers with ids 0, step, 2·step, ... at the market's current prices ({@code blend}, fixed while calibrating). */
    CalibrationSample(Market m, Buyers buyers, int step, double[][] blend, boolean[][] available, NestedLogit logit) {
        this.nP = m.nP;
        int nG = m.nG;
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
            double al = m.segment(g).alpha() * buyers.alphaMult[i];
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
     * {@link #expectedChoices(double[][], double[], double[], double[], double[], Derivatives)} as per-segment
     * moments of the choice probabilities and turned into derivatives by {@link #finish}. Within segment g every
     * buyer sees the same blended prices b_gj, so with sums over the segment's buyers weighted by workload q,
     * M_g[j][k] = Σ q·P_j·P_k, N_g[j][k] = Σ q·P_j·P_{k|n} (same nest), B_g[j] = Σ q·P_j·P_0, C_g = Σ q·P_0·(1−P_0):
     * <pre>
     *   ∂rev_j/∂δ_k   = 1{j=k}·rev_j/(1−σ) − Σ_g b_gj·(M_g[j][k] + σ/(1−σ)·N_g[j][k])
     *   ∂rev_j/∂δ_0g  = −b_gj·B_g[j]       ∂cloud_g/∂δ_k = B_g[k]       ∂cloud_g/∂δ_0g = −C_g
     * </pre>
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
        /** Moments by segment: M and N as g·nP² + j·nP + k (pairs j ≤ k only), B as g·nP + j. */
        private final double[] m;
        private final double[] nn;
        private final double[] bb;
        private final int nP;

        Derivatives(int nP, int nG) {
            this.nP = nP;
            revByDelta = new double[nP][nP];
            revByOutside = new double[nP][nG];
            cloudByDelta = new double[nG][nP];
            cloudByOutside = new double[nG];
            m = new double[nG * nP * nP];
            nn = new double[nG * nP * nP];
            bb = new double[nG * nP];
        }

        void clear() {
            java.util.Arrays.fill(m, 0);
            java.util.Arrays.fill(nn, 0);
            java.util.Arrays.fill(bb, 0);
            java.util.Arrays.fill(cloudByOutside, 0);
        }

        /** Turns the moments into derivatives, given the pass's revenue, σ and the blended prices. */
        private void finish(double[] rev, double sigma, double[][] blend) {
            int nG = cloudByOutside.length;
            double within = sigma / (1 - sigma);
            for (int j = 0; j < nP; j++) {
                java.util.Arrays.fill(revByDelta[j], 0);
                revByDelta[j][j] = rev[j] / (1 - sigma);
            }
            for (int g = 0; g < nG; g++) {
                double[] bl = blend[g];
                int base = g * nP * nP;
                for (int j = 0; j < nP; j++) {
                    for (int k = 0; k < nP; k++) {
                        // Each unordered pair was accumulated once, at (j, k) or (k, j): both moments are symmetric.
                        double mjk = m[base + j * nP + k] + (j == k ? 0 : m[base + k * nP + j]);
                        double njk = nn[base + j * nP + k] + (j == k ? 0 : nn[base + k * nP + j]);
                        revByDelta[j][k] -= bl[j] * (mjk + within * njk);
                    }
                    revByOutside[j][g] = -bl[j] * bb[g * nP + j];
                    cloudByDelta[g][j] = bb[g * nP + j];
                }
            }
        }
    }

    /**
     * As {@link #expectedChoices(double[][], double[], double[], double[], double[])}, also filling the derivatives
     * {@code d} unless it is null (then {@code rev} must start at zero: the derivatives use the pass's revenue).
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
                    }
                }
                if (d != null) {
                    addMoments(d, g, mem, q, o[g] * invTotal, invTotal);
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
     * Adds one buyer's probability moments to {@code d}; {@code e}, {@code s} and {@code w} hold the buyer's
     * exponentiated utilities, nest sums and nest weights from the pass that called it.
     */
    private void addMoments(Derivatives d, int g, int[][] mem, double q, double p0, double invTotal) {
        java.util.Arrays.fill(prob, 0);
        for (int m = 0; m < nests; m++) {
            int[] js = mem[m];
            if (js.length == 0 || !(s[m] > 0)) {
                continue;
            }
            double r = w[m] * invTotal / s[m];
            double invS = 1 / s[m];
            for (int j : js) {
                prob[j] = e[j] * r;
                v[j] = e[j] * invS;
            }
        }
        double[] mm = d.m;
        double[] nn = d.nn;
        double[] bb = d.bb;
        int base = g * nP * nP;
        int bRow = g * nP;
        // Dense over providers: an unavailable one has probability zero and adds nothing.
        for (int j = 0; j < nP; j++) {
            double pj = prob[j];
            if (pj == 0) {
                continue;
            }
            double qp = q * pj;
            int row = base + j * nP;
            for (int k = j; k < nP; k++) {
                mm[row + k] += qp * prob[k];
            }
            bb[bRow + j] += qp * p0;
        }
        if (sigma != 0) {
            for (int m = 0; m < nests; m++) {
                int[] js = mem[m];
                if (js.length < 2 || !(s[m] > 0)) {
                    // A single-provider nest: P_{j|n} = 1, so N = M on the diagonal there.
                    if (js.length == 1 && s[m] > 0) {
                        int j = js[0];
                        nn[base + j * nP + j] += q * prob[j];
                    }
                    continue;
                }
                for (int x = 0; x < js.length; x++) {
                    int j = js[x];
                    double qp = q * prob[j];
                    int row = base + j * nP;
                    for (int y = x; y < js.length; y++) {
                        int k = js[y];
                        nn[row + k] += qp * v[k];
                    }
                }
            }
        }
        d.cloudByOutside[g] -= q * p0 * (1 - p0);
    }
}
