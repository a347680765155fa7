package eu.cloudmarket.model;

import eu.cloudmarket.model.params.SegmentParams;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The providers' view of demand: expected nested-logit choices of representative buyer types, used for pricing
 * (best responses, shadow prices). A type is (availability group of countries, segment,
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
    // Numerical settings (assumption: chosen for accuracy well below a cent; they do not change the economics).
    /** Absolute and relative accuracy of the markup root. */
    private static final double MARKUP_ACCURACY = 1e-10;
    private static final int MAX_MARKUP_EVALUATIONS = 200;
    /** Doublings of the markup bracket before giving up, and the step back when demand vanishes at the top. */
    private static final int MAX_BRACKET_DOUBLINGS = 60;
    private static final double BRACKET_BACKOFF = 1.5;
    /** Rounds of markup and shadow prices, stopped early once the shadow prices move less than SHADOW_CONVERGED. */
    private static final int SHADOW_ROUNDS = 3;
    private static final double SHADOW_CONVERGED = 1e-9;
    /** Relative tolerance of the capacity check, as in {@link BuyerDecision}. */
    private static final double CAPACITY_TOLERANCE = 1e-9;
    /** The clearing price increase is bisected in [0, CLEARING_BRACKET × max(price, MIN_CLEARING_BASE)]. */
    private static final double CLEARING_BRACKET = 10;
    private static final double MIN_CLEARING_BASE = 1e-3;
    private static final int CLEARING_BISECTIONS = 60;
    /** Initial capacity of the buyer-type cache (it grows as needed). */
    private static final int INITIAL_TYPES = 64;

    private final Roster roster;
    private final Buyers buyers;
    private final SegmentState segments;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final NestedLogit logit;
    private final ProviderState providers;
    private final ContractBook book;
    private final Capacity capacity;
    private final QuarterState quarter;
    private final Renewals renewals;
    private final int nP;
    private final int nG;
    private final int nC;
    private final int statuses;
    /** [country][segment][status] workload units (total, general part, AI part) of renewing buyers. */
    private final double[][][] w;
    private final double[][][] wGen;
    private final double[][][] wAi;
    /** Total base workload by country and segment (all buyers), for the on-premises workload. */
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
    /** Scratch of {@link #addType}: by nest, the sum of weights, the number of members and the last member. */
    private final double[] sumN = new double[Origin.values().length];
    private final int[] cntN = new int[Origin.values().length];
    private final int[] lastN = new int[Origin.values().length];
    private final BrentSolver solver = new BrentSolver(MARKUP_ACCURACY, MARKUP_ACCURACY);
    /** Provider whose evaluation cache (the t* arrays, one entry per buyer type) is valid, or -1. */
    private int prepared = -1;
    private boolean preparedSwitching = true;
    /**
     * When false (for the first-order conditions), buyers are evaluated as contestable demand: without switching
     * costs, as if every renewing workload were new. Providers set one list price for all and compete for where
     * workloads land (Ofcom: competition "mainly focused on attracting new customers" [S18][S24]); expected loads for
     * capacity and shadow prices always include switching costs.
     */
    private boolean withSwitching = true;
    private int types;
    private int[] tGroup = new int[INITIAL_TYPES];
    private int[] tSegment = new int[INITIAL_TYPES];
    private int[] tStatus = new int[INITIAL_TYPES];
    private double[] tWeight = new double[INITIAL_TYPES];
    private double[] tWGen = new double[INITIAL_TYPES];
    private double[] tWAi = new double[INITIAL_TYPES];
    private double[] tAlpha = new double[INITIAL_TYPES];
    private double[] tWgt = new double[INITIAL_TYPES];
    private double[] tOmega = new double[INITIAL_TYPES];
    private double[] tBase = new double[INITIAL_TYPES];
    private double[] tShift = new double[INITIAL_TYPES];
    private double[] tOther = new double[INITIAL_TYPES];
    private double[] tRest = new double[INITIAL_TYPES];
    private boolean[] tAlone = new boolean[INITIAL_TYPES];

    DemandModel(Roster roster, Buyers buyers, SegmentState segments, UtilityTables tables, ChoiceSets choiceSets,
            NestedLogit logit, ProviderState providers, ContractBook book, Capacity capacity, QuarterState quarter,
            Renewals renewals) {
        this.roster = roster;
        this.buyers = buyers;
        this.segments = segments;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.logit = logit;
        this.providers = providers;
        this.book = book;
        this.capacity = capacity;
        this.quarter = quarter;
        this.renewals = renewals;
        nP = roster.nP;
        nG = roster.nG;
        nC = roster.nC;
        statuses = nP + 1;
        w = new double[nC][nG][statuses];
        wGen = new double[nC][nG][statuses];
        wAi = new double[nC][nG][statuses];
        totalQ0 = new double[nC][nG];
        Buyers b = buyers;
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

    /**
     * Aggregates the buyers renewing in the market's current quarter ({@link Renewals#dueList}), or every buyer if
     * {@code everyBuyer}, into types, grouping countries by availability.
     */
    void collectRenewals(boolean everyBuyer) {
        prepared = -1;
        boolean[][][] av = choiceSets.segmentAvailability();
        groups = 0;
        for (int c = 0; c < nC; c++) {
            int found = -1;
            for (int gr = 0; gr < groups && found < 0; gr++) {
                if (java.util.Arrays.deepEquals(av[groupRep[gr]], av[c])) {
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
            perGen[g] = segments.genPerWorkload(g);
            perAi[g] = segments.aiPerWorkload(g);
        }
        Buyers b = buyers;
        int[] due = renewals.dueList();
        int count = everyBuyer ? b.n : renewals.dueCount();
        for (int p = 0; p < count; p++) {
            int i = everyBuyer ? p : due[p];
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
     * Expected demand of renewing buyers for provider j at the trial prices: fills {@code demandTotal[j]},
     * {@code demandGen[j]}, {@code demandAi[j]} and the own-price slope {@code slope[j]}.
     *
     * <p>Within one best response only j's trial prices move, so {@link #prepare} first sums, per buyer type, the
     * nest weights of everything else at the rivals' trial prices; an evaluation then costs one to three
     * transcendental calls per type (j's weight and its nest's) instead of one per alternative. Utilities are shifted
     * by a per-type constant (the largest utility at preparation) rather than by each evaluation's maximum, which
     * changes only rounding; a type whose weights under- or overflow is evaluated in full instead.
     */
    private void evaluate(int j) {
        if (prepared != j || preparedSwitching != withSwitching) {
            prepare(j);
        }
        double sigma = logit.sigma();
        double inv = 1 / (1 - sigma);
        boolean nested = sigma != 0;
        double total = 0;
        double gen = 0;
        double ai = 0;
        double sl = 0;
        double tg = trialGen[j];
        double ta = trialAi[j];
        for (int t = 0; t < types; t++) {
            double wgt = tWgt[t];
            double price = ((1 - wgt) * tg + wgt * ta) * tOmega[t];
            double vj = tBase[t] - tAlpha[t] * price;
            double c;
            double w;
            if (tAlone[t]) {
                c = 1;
                w = Math.exp(nested ? vj - tShift[t] : (vj - tShift[t]) * inv);
            } else {
                double e = Math.exp((vj - tShift[t]) * inv);
                double sn = tRest[t] + e;
                c = e / sn;
                w = nested ? Math.exp((1 - sigma) * Math.log(sn)) : sn;
            }
            double den = tOther[t] + w;
            double p;
            if (den > 0 && den < Double.POSITIVE_INFINITY && c == c) {
                p = c * w / den;
            } else {
                double[] pc = exactType(t, j);
                p = pc[0];
                c = pc[1];
            }
            if (p == 0) {
                continue;
            }
            double weight = tWeight[t];
            total += weight * p;
            gen += tWGen[t] * p;
            ai += tWAi[t] * p;
            sl += weight * tAlpha[t] * tOmega[t] * p * (inv - sigma * inv * c - p);
        }
        demandTotal[j] = total;
        demandGen[j] = gen;
        demandAi[j] = ai;
        slope[j] = sl;
    }

    /**
     * Caches, for provider j and each renewing buyer type that may choose j, everything of the nested logit that
     * does not depend on j's own prices: the weight of the other nests and the outside option, and the sum of j's
     * nest-mates, at the current trial prices of the rivals.
     */
    private void prepare(int j) {
        boolean[][][] av = choiceSets.segmentAvailability();
        types = 0;
        for (int gr = 0; gr < groups; gr++) {
            for (int g = 0; g < nG; g++) {
                boolean[] allowed = av[groupRep[gr]][g];
                if (!allowed[j]) {
                    continue;
                }
                for (int st = 0; st < statuses; st++) {
                    if (w[gr][g][st] > 0) {
                        addType(j, gr, g, st, allowed);
                    }
                }
            }
        }
        prepared = j;
        preparedSwitching = withSwitching;
    }

    /** Adds the buyer type (group gr, segment g, status st) that may choose j to the evaluation cache. */
    private void addType(int j, int gr, int g, int st, boolean[] allowed) {
        double[][] baseU = tables.baseUtilities();
        double[] u0 = tables.outsideUtilities();
        double inv = 1 / (1 - logit.sigma());
        int nj = logit.nestOf(j);
        SegmentParams s = roster.sp[g];
        double wgt = segments.blendWeight(g);
        double alpha = s.alpha() / quarter.techIndex();
        double lic = s.licensingExposure();
        double kap = st == nP || !withSwitching ? 0
                : s.switchingTech() * providers.techMult(st) + s.switchingEgress() * providers.egress(st);
        double shift = u0[g] - kap;
        for (int k = 0; k < nP; k++) {
            double omega = 1 + providers.wedge(k) * lic;
            double price = ((1 - wgt) * trialGen[k] + wgt * trialAi[k]) * omega;
            v[k] = baseU[g][k] - alpha * price - (k == st ? 0 : kap);
            if (allowed[k]) {
                shift = Math.max(shift, v[k]);
            }
        }
        java.util.Arrays.fill(sumN, 0);
        java.util.Arrays.fill(cntN, 0);
        for (int k = 0; k < nP; k++) {
            if (allowed[k] && k != j) {
                int n = logit.nestOf(k);
                sumN[n] += Math.exp((v[k] - shift) * inv);
                cntN[n]++;
                lastN[n] = k;
            }
        }
        ensureTypeCapacity(types + 1);
        int t = types++;
        tGroup[t] = gr;
        tSegment[t] = g;
        tStatus[t] = st;
        tWeight[t] = w[gr][g][st];
        tWGen[t] = wGen[gr][g][st];
        tWAi[t] = wAi[gr][g][st];
        tAlpha[t] = alpha;
        tWgt[t] = wgt;
        tOmega[t] = 1 + providers.wedge(j) * lic;
        tBase[t] = baseU[g][j] - (j == st ? 0 : kap);
        tShift[t] = shift;
        tOther[t] = otherWeight(nj, Math.exp(u0[g] - kap - shift), shift);
        tRest[t] = sumN[nj];
        tAlone[t] = cntN[nj] == 0;
    }

    /**
     * The weight of the outside option ({@code outside}) and of every nest other than nj, from the nest sums of the
     * last {@link #addType}: a nest's weight is its sum to the power 1−σ (its single member's weight if alone).
     */
    private double otherWeight(int nj, double outside, double shift) {
        double sigma = logit.sigma();
        boolean nested = sigma != 0;
        double other = outside;
        for (int n = 0; n < sumN.length; n++) {
            if (n == nj || cntN[n] == 0) {
                continue;
            }
            if (!nested) {
                other += sumN[n];
            } else if (cntN[n] == 1) {
                other += Math.exp(v[lastN[n]] - shift);
            } else {
                other += Math.exp((1 - sigma) * Math.log(sumN[n]));
            }
        }
        return other;
    }

    /** {P(j), P(j | nest)} of type t at the trial prices, from the full nested logit (the fallback of evaluate). */
    private double[] exactType(int t, int j) {
        int gr = tGroup[t];
        int g = tSegment[t];
        int st = tStatus[t];
        boolean[] allowed = choiceSets.segmentAvailability()[groupRep[gr]][g];
        double[][] baseU = tables.baseUtilities();
        SegmentParams s = roster.sp[g];
        double wgt = segments.blendWeight(g);
        double kap = st == nP || !withSwitching ? 0
                : s.switchingTech() * providers.techMult(st) + s.switchingEgress() * providers.egress(st);
        double alpha = s.alpha() / quarter.techIndex();
        for (int k = 0; k < nP; k++) {
            avail[k] = allowed[k];
            double omega = 1 + providers.wedge(k) * s.licensingExposure();
            double price = ((1 - wgt) * trialGen[k] + wgt * trialAi[k]) * omega;
            v[k] = baseU[g][k] - alpha * price - (k == st ? 0 : kap);
        }
        logit.compute(v, avail, tables.outsideUtilities()[g] - kap, prob, cond);
        return new double[] {prob[j], cond[j]};
    }

    private void ensureTypeCapacity(int n) {
        if (n <= tWeight.length) {
            return;
        }
        int cap = Math.max(n, 2 * tWeight.length);
        tGroup = java.util.Arrays.copyOf(tGroup, cap);
        tSegment = java.util.Arrays.copyOf(tSegment, cap);
        tStatus = java.util.Arrays.copyOf(tStatus, cap);
        tWeight = java.util.Arrays.copyOf(tWeight, cap);
        tWGen = java.util.Arrays.copyOf(tWGen, cap);
        tWAi = java.util.Arrays.copyOf(tWAi, cap);
        tAlpha = java.util.Arrays.copyOf(tAlpha, cap);
        tWgt = java.util.Arrays.copyOf(tWgt, cap);
        tOmega = java.util.Arrays.copyOf(tOmega, cap);
        tBase = java.util.Arrays.copyOf(tBase, cap);
        tShift = java.util.Arrays.copyOf(tShift, cap);
        tOther = java.util.Arrays.copyOf(tOther, cap);
        tRest = java.util.Arrays.copyOf(tRest, cap);
        tAlone = java.util.Arrays.copyOf(tAlone, cap);
    }

    /**
     * The markup μ_j = D_j / (−∂D_j/∂p_j) implied by the first-order condition at current prices, with every buyer
     * choosing as contestable demand (used to invert marginal costs at the start). NaN where a provider has no demand.
     */
    double[] implicitMarkups() {
        collectRenewals(true);
        loadCurrentPrices();
        double[] mu = new double[nP];
        withSwitching = false;
        try {
            for (int j = 0; j < nP; j++) {
                prepared = -1;
                evaluate(j);
                mu[j] = slope[j] > 0 ? demandTotal[j] / slope[j] : Double.NaN;
            }
        } finally {
            withSwitching = true;
            prepared = -1;
        }
        return mu;
    }

    private void loadCurrentPrices() {
        providers.copyPrices(trialGen, trialAi);
    }

    /**
     * Best response of provider j to rivals' current prices: {general price, AI price, general shadow price, AI
     * shadow price}, or null when no renewing buyer can choose j this quarter.
     */
    double[] bestResponse(int j, double costGen, double costAi) {
        loadCurrentPrices();
        // The rivals' trial prices were just reloaded: the first evaluation prepares afresh (without switching costs,
        // for the markup, so a preparation with them here would be thrown away at once).
        prepared = -1;
        double shG = 0;
        double shA = 0;
        double mu = 0;
        for (int round = 0; round < SHADOW_ROUNDS; round++) {
            mu = solveMarkup(j, costGen + shG, costAi + shA);
            if (Double.isNaN(mu)) {
                return null;
            }
            double[] sh = shadowPrices(j, costGen + mu, costAi + mu);
            if (Math.abs(sh[0] - shG) < SHADOW_CONVERGED && Math.abs(sh[1] - shA) < SHADOW_CONVERGED) {
                break;
            }
            shG = sh[0];
            shA = sh[1];
        }
        return new double[] {costGen + mu + shG, costAi + mu + shA, shG, shA};
    }

    private double solveMarkup(int j, double baseGen, double baseAi) {
        withSwitching = false;
        try {
            return solveContestableMarkup(j, baseGen, baseAi);
        } finally {
            withSwitching = true;
        }
    }

    private double solveContestableMarkup(int j, double baseGen, double baseAi) {
        java.util.function.DoubleUnaryOperator foc = mu -> {
            trialGen[j] = baseGen + mu;
            trialAi[j] = baseAi + mu;
            evaluate(j);
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
        while (!(fhi > 0) && guard++ < MAX_BRACKET_DOUBLINGS) {
            hi *= 2;
            fhi = foc.applyAsDouble(hi);
            if (Double.isNaN(fhi)) {
                // Demand vanished at this markup: the root lies below.
                hi /= BRACKET_BACKOFF;
                fhi = foc.applyAsDouble(hi);
                break;
            }
        }
        if (!(fhi > 0) || !(f0 < 0)) {
            return f0 >= 0 ? 0 : Double.NaN;
        }
        double lo = 0;
        double top = hi;
        return solver.solve(MAX_MARKUP_EVALUATIONS, x -> {
            double r = foc.applyAsDouble(x);
            return Double.isNaN(r) ? 1 : r;
        }, lo, top);
    }

    /**
     * Shadow prices {general, AI} of provider j at the given own prices: the price increase that would bring its
     * expected load (locked-in customers plus expected renewals) down to capacity, or 0 when capacity does not bind.
     */
    double[] shadowPrices(int j, double pGen, double pAi) {
        prepare(j); // the rivals' trial prices may have changed since the last preparation
        double[] out = new double[2];
        double lockedGen = book.loadGen(j) - renewingGen[j];
        double lockedAi = book.loadAi(j) - renewingAi[j];
        double capG = capacity.capGen(j);
        double capA = capacity.capAi(j);
        trialGen[j] = pGen;
        trialAi[j] = pAi;
        evaluate(j);
        if (lockedGen + demandGen[j] > capG * (1 + CAPACITY_TOLERANCE)) {
            out[0] = clearingIncrease(j, true, pGen, pAi, capG - lockedGen);
        }
        trialGen[j] = pGen + out[0];
        trialAi[j] = pAi;
        evaluate(j);
        if (lockedAi + demandAi[j] > capA * (1 + CAPACITY_TOLERANCE)) {
            out[1] = clearingIncrease(j, false, pGen + out[0], pAi, capA - lockedAi);
        }
        trialGen[j] = pGen;
        trialAi[j] = pAi;
        return out;
    }

    private double clearingIncrease(int j, boolean general, double pGen, double pAi, double room) {
        double base = general ? pGen : pAi;
        double lo = 0;
        double hi = Math.max(base, MIN_CLEARING_BASE) * CLEARING_BRACKET;
        for (int it = 0; it < CLEARING_BISECTIONS; it++) {
            double mid = 0.5 * (lo + hi);
            trialGen[j] = general ? pGen + mid : pGen;
            trialAi[j] = general ? pAi : pAi + mid;
            evaluate(j);
            double d = general ? demandGen[j] : demandAi[j];
            if (d > room) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Base workload of segment g's buyers on premises. */
    double onPremisesWorkload(int g) {
        double total = 0;
        for (int c = 0; c < nC; c++) {
            total += totalQ0[c][g];
        }
        return Math.max(0, total - book.cloudWorkload(g));
    }
}
