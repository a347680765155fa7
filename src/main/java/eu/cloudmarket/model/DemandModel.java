package eu.cloudmarket.model;

import eu.cloudmarket.model.params.SegmentParams;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The providers' view of demand: expected nested-logit choices of representative buyer types, used for pricing
 * (best responses, shadow prices) and for consumer surplus. A type is (availability group of countries, segment,
 * current status), weighted by the workload of the buyers of that type whose contracts come up for renewal in the
 * quarter; representative tastes are the segment means (individual dispersion is not known to providers).
 *
 * <p>Best response (domain.md §2.2): with a common absolute markup μ on both products (the constant-markup result for
 * multi-product logit firms, Gallego and Wang [S76]), provider j's first-order condition is
 *
 * <pre>
 *   μ = D_j / Σ_τ W_τ α_τ ω_τj P_τj [1/(1-σ) − σ/(1-σ) P_τ(j|n) − P_τj],    D_j = Σ_τ W_τ P_τj
 * </pre>
 *
 * evaluated on contestable demand (renewing workloads as if free to move), which reduces to
 * p_j = c_j + 1/(α(1 − s_j)) for one plain-logit segment and to
 * p_j − c_j = (1−σ)/(α[1 − σ s_(j|g) − (1−σ) s_j]) in the nested case. It is solved for μ with Brent's method
 * (commons-math3) holding rivals' prices fixed. If the expected load exceeds capacity, the price of the binding
 * product is raised until expected demand equals capacity (Bertrand–Edgeworth); the increase is the shadow price.
 */
final class DemandModel {
    private final Market m;
    private final int nP;
    private final int nG;
    private final int nC;
    private final int statuses;
    /** [country][segment][status] workload units (total, general part, AI part) of renewing buyers. */
    private final double[][][] w;
    private final double[][][] wGen;
    private final double[][][] wAi;
    /** Total base workload by country and segment (all buyers), for consumer surplus. */
    private final double[][] totalQ0;
    private final double[] renewingGen;
    private final double[] renewingAi;
    private final int[] groupOf;
    private final int[] groupRep;
    private int groups;
    private final double[] trialGen;
    private final double[] trialAi;
    private final double[] v;
    private final double[] prob;
    private final double[] cond;
    private final boolean[] avail;
    private final double[] demandTotal;
    private final double[] demandGen;
    private final double[] demandAi;
    private final double[] slope;
    private final BrentSolver solver = new BrentSolver(1e-10, 1e-10);

    DemandModel(Market m) {
        this.m = m;
        nP = m.nP;
        nG = m.nG;
        nC = m.nC;
        statuses = nP + 1;
        w = new double[nC][nG][statuses];
        wGen = new double[nC][nG][statuses];
        wAi = new double[nC][nG][statuses];
        totalQ0 = new double[nC][nG];
        Buyers b = m.buyers;
        for (int i = 0; i < b.n; i++) {
            totalQ0[b.country[i]][b.segment[i]] += b.workload[i];
        }
        renewingGen = new double[nP];
        renewingAi = new double[nP];
        groupOf = new int[nC];
        groupRep = new int[nC];
        trialGen = new double[nP];
        trialAi = new double[nP];
        v = new double[nP];
        prob = new double[nP];
        cond = new double[nP];
        avail = new boolean[nP];
        demandTotal = new double[nP];
        demandGen = new double[nP];
        demandAi = new double[nP];
        slope = new double[nP];
    }

    /** Aggregates the buyers whose renewal falls in quarter k into types, grouping countries by availability. */
    void collectRenewals(int k) {
        boolean[][] av = m.availability();
        groups = 0;
        for (int c = 0; c < nC; c++) {
            int found = -1;
            for (int gr = 0; gr < groups && found < 0; gr++) {
                if (java.util.Arrays.equals(av[groupRep[gr]], av[c])) {
                    found = gr;
                }
            }
            if (found < 0) {
                groupRep[groups] = c;
                found = groups++;
            }
            groupOf[c] = found;
        }
        for (int gr = 0; gr < nC; gr++) {
            for (int g = 0; g < nG; g++) {
                java.util.Arrays.fill(w[gr][g], 0);
                java.util.Arrays.fill(wGen[gr][g], 0);
                java.util.Arrays.fill(wAi[gr][g], 0);
            }
        }
        java.util.Arrays.fill(renewingGen, 0);
        java.util.Arrays.fill(renewingAi, 0);
        double[] perGen = new double[nG];
        double[] perAi = new double[nG];
        for (int g = 0; g < nG; g++) {
            perGen[g] = m.genPerWorkload(g);
            perAi[g] = m.aiPerWorkload(g);
        }
        Buyers b = m.buyers;
        for (int i = 0; i < b.n; i++) {
            if (k != Integer.MIN_VALUE && b.renewQuarter[i] != k) {
                continue;
            }
            int g = b.segment[i];
            int s = b.provider[i];
            int gr = groupOf[b.country[i]];
            double q = b.workload[i];
            double gen = q * perGen[g];
            double ai = q * perAi[g];
            w[gr][g][s] += gen + ai;
            wGen[gr][g][s] += gen;
            wAi[gr][g][s] += ai;
            if (s != b.onPremises) {
                renewingGen[s] += gen;
                renewingAi[s] += ai;
            }
        }
    }

    /**
     * The markup μ_j = D_j / (−∂D_j/∂p_j) implied by the first-order condition at current prices, with every buyer
     * choosing (used to invert marginal costs at the start). NaN where a provider has no demand.
     */
    double[] implicitMarkups() {
        collectAll();
        loadCurrentPrices();
        withSwitching = false;
        evaluate();
        withSwitching = true;
        double[] mu = new double[nP];
        for (int j = 0; j < nP; j++) {
            mu[j] = slope[j] > 0 ? demandTotal[j] / slope[j] : Double.NaN;
        }
        return mu;
    }

    private void collectAll() {
        collectRenewals(Integer.MIN_VALUE);
    }

    /**
     * When false (for the first-order conditions), buyers are evaluated as contestable demand: without switching
     * costs, as if every renewing workload were new. Providers set one list price for all and compete for where
     * workloads land (Ofcom: competition "mainly focused on attracting new customers" [S18][S24]); expected loads for
     * capacity and shadow prices always include switching costs.
     */
    private boolean withSwitching = true;

    /** Expected demand of renewing buyers at the trial prices; fills demand arrays and the own-price slopes. */
    private void evaluate() {
        java.util.Arrays.fill(demandTotal, 0);
        java.util.Arrays.fill(demandGen, 0);
        java.util.Arrays.fill(demandAi, 0);
        java.util.Arrays.fill(slope, 0);
        boolean[][] av = m.availability();
        double[][] baseU = m.baseUtilities();
        double[] u0 = m.outsideUtilities();
        NestedLogit logit = m.logit();
        double sigma = logit.sigma();
        double inv = 1 / (1 - sigma);
        for (int gr = 0; gr < groups; gr++) {
            boolean[] allowed = av[groupRep[gr]];
            for (int g = 0; g < nG; g++) {
                SegmentParams s = m.segment(g);
                double wgt = m.blendWeight(g);
                double alpha = s.alpha() / m.techIndex();
                double lic = s.licensingExposure();
                for (int st = 0; st < statuses; st++) {
                    double weight = w[gr][g][st];
                    if (weight <= 0) {
                        continue;
                    }
                    double kap = st == nP || !withSwitching ? 0
                            : s.switchingTech() * m.techMult[st] + s.switchingEgress() * m.egress[st];
                    for (int j = 0; j < nP; j++) {
                        avail[j] = allowed[j];
                        double omega = 1 + m.wedge[j] * lic;
                        double price = ((1 - wgt) * trialGen[j] + wgt * trialAi[j]) * omega;
                        v[j] = baseU[g][j] - alpha * price - (j == st ? 0 : kap);
                    }
                    double v0 = u0[g] - kap;
                    logit.compute(v, avail, v0, prob, cond);
                    double wg = wGen[gr][g][st];
                    double wa = wAi[gr][g][st];
                    for (int j = 0; j < nP; j++) {
                        double p = prob[j];
                        if (p == 0) {
                            continue;
                        }
                        demandTotal[j] += weight * p;
                        demandGen[j] += wg * p;
                        demandAi[j] += wa * p;
                        double omega = 1 + m.wedge[j] * lic;
                        slope[j] += weight * alpha * omega * p * (inv - sigma * inv * cond[j] - p);
                    }
                }
            }
        }
    }

    private void loadCurrentPrices() {
        System.arraycopy(m.priceGen, 0, trialGen, 0, nP);
        System.arraycopy(m.priceAi, 0, trialAi, 0, nP);
    }

    /**
     * Best response of provider j to rivals' current prices: {general price, AI price, general shadow price, AI
     * shadow price}, or null when no renewing buyer can choose j this quarter.
     */
    double[] bestResponse(int j, double costGen, double costAi) {
        loadCurrentPrices();
        double shG = 0;
        double shA = 0;
        double mu = 0;
        for (int round = 0; round < 3; round++) {
            mu = solveMarkup(j, costGen + shG, costAi + shA);
            if (Double.isNaN(mu)) {
                return null;
            }
            double[] sh = shadowPrices(j, costGen + mu, costAi + mu);
            if (Math.abs(sh[0] - shG) < 1e-9 && Math.abs(sh[1] - shA) < 1e-9) {
                break;
            }
            shG = sh[0];
            shA = sh[1];
        }
        return new double[] {costGen + mu + shG, costAi + mu + shA, shG, shA};
    }

    private double solveMarkup(int j, double baseGen, double baseAi) {
        java.util.function.DoubleUnaryOperator foc = mu -> {
            trialGen[j] = baseGen + mu;
            trialAi[j] = baseAi + mu;
            withSwitching = false;
            evaluate();
            withSwitching = true;
            if (slope[j] <= 0) {
                return Double.NaN;
            }
            return mu - demandTotal[j] / slope[j];
        };
        double f0 = foc.applyAsDouble(0);
        if (Double.isNaN(f0)) {
            return Double.NaN;
        }
        double hi = 1;
        double fhi = foc.applyAsDouble(hi);
        int guard = 0;
        while (!(fhi > 0) && guard++ < 60) {
            hi *= 2;
            fhi = foc.applyAsDouble(hi);
            if (Double.isNaN(fhi)) {
                // Demand vanished at this markup: the root lies below.
                hi /= 1.5;
                fhi = foc.applyAsDouble(hi);
                break;
            }
        }
        if (!(fhi > 0) || !(f0 < 0)) {
            return f0 >= 0 ? 0 : Double.NaN;
        }
        double lo = 0;
        double top = hi;
        return solver.solve(200, x -> {
            double r = foc.applyAsDouble(x);
            return Double.isNaN(r) ? 1 : r;
        }, lo, top);
    }

    /**
     * Shadow prices {general, AI} of provider j at the given own prices: the price increase that would bring its
     * expected load (locked-in customers plus expected renewals) down to capacity, or 0 when capacity does not bind.
     */
    double[] shadowPrices(int j, double pGen, double pAi) {
        double[] out = new double[2];
        double lockedGen = m.loadGen[j] - renewingGen[j];
        double lockedAi = m.loadAi[j] - renewingAi[j];
        double capG = m.capGen[j];
        double capA = m.capAi(j);
        trialGen[j] = pGen;
        trialAi[j] = pAi;
        evaluate();
        if (lockedGen + demandGen[j] > capG * (1 + 1e-9)) {
            out[0] = clearingIncrease(j, true, pGen, pAi, capG - lockedGen);
        }
        trialGen[j] = pGen + out[0];
        trialAi[j] = pAi;
        evaluate();
        if (lockedAi + demandAi[j] > capA * (1 + 1e-9)) {
            out[1] = clearingIncrease(j, false, pGen + out[0], pAi, capA - lockedAi);
        }
        trialGen[j] = pGen;
        trialAi[j] = pAi;
        return out;
    }

    private double clearingIncrease(int j, boolean general, double pGen, double pAi, double room) {
        double base = general ? pGen : pAi;
        double lo = 0;
        double hi = Math.max(base, 1e-3) * 10;
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            trialGen[j] = general ? pGen + mid : pGen;
            trialAi[j] = general ? pAi : pAi + mid;
            evaluate();
            double d = general ? demandGen[j] : demandAi[j];
            if (d > room) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Consumer surplus per segment, EUR bn per quarter: Σ workload × (inclusive value − V_0) / α (Small and Rosen), at
     * current prices and without switching costs: the surplus the cloud offers over staying on premises (the
     * compensating variation of taking the cloud away), so it is non-negative.
     */
    double[] consumerSurplus() {
        double[] cs = new double[nG];
        boolean[][] av = m.availability();
        double[][] baseU = m.baseUtilities();
        double[][] blend = m.blendFactors();
        double[] u0 = m.outsideUtilities();
        NestedLogit logit = m.logit();
        for (int c = 0; c < nC; c++) {
            for (int g = 0; g < nG; g++) {
                double q = totalQ0[c][g];
                if (q <= 0) {
                    continue;
                }
                double alpha = m.segment(g).alpha() / m.techIndex();
                for (int j = 0; j < nP; j++) {
                    avail[j] = av[c][j];
                    v[j] = baseU[g][j] - m.segment(g).alpha() * blend[g][j];
                }
                double iv = logit.compute(v, avail, u0[g], prob, null);
                // Surplus from the cloud relative to staying on premises: ln(1 + Σ exp(V_j − V_0)) ≥ 0, in EUR.
                cs[g] += q * m.unitsPerWorkload(g) * (iv - u0[g]) / alpha;
            }
        }
        return cs;
    }

    /** Base workload of segment g's buyers on premises. */
    double onPremisesWorkload(int g) {
        double total = 0;
        for (int c = 0; c < nC; c++) {
            total += totalQ0[c][g];
        }
        double cloud = 0;
        for (int j = 0; j < nP; j++) {
            cloud += m.sumQ[j][g];
        }
        return Math.max(0, total - cloud);
    }
}
