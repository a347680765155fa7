package eu.cloudmarket.model;

import eu.cloudmarket.model.params.SegmentParams;

/**
 * Consumer welfare from the buyers' own choice problems (Small and Rosen 1981; McFadden's log-sum). Buyer i of
 * segment g, country c and current supplier k (after this quarter's decisions) faces utilities
 *
 * <pre>
 *   V_ij = U_gj − α_i · b_ij,   b_ij = ((1−w_g) pG_ij + w_g pA_ij)(1 + wedge_j · lic_g) / T
 * </pre>
 *
 * over its choice set (country, segment rules, its own provider if it may stay) and the outside option V_0 = u0_g,
 * where α_i = α_g × the buyer's own multiplier, and the prices pG_ij, pA_ij are those the buyer pays: the contract
 * prices locked at its last signing for its own provider k, the current list prices for every other provider (what a
 * move would cost it; a buyer that signed this quarter locked this quarter's list prices). Its compensating variation
 * for the cloud, in EUR bn per quarter, is
 *
 * <pre>
 *   CV_i = q_i · units_g · (IV_i − V_0) · T / α_i,   IV_i = ln(exp(V_0) + Σ_n S_n^(1−σ))
 * </pre>
 *
 * with the nested-logit inclusive value of {@link NestedLogit#compute} (the plain logit at σ = 0): what the buyer
 * would have to be paid to give up every cloud provider. Switching costs are not in IV_i (the buyer's alternatives are
 * valued as if it were free to move); instead, the switching costs buyers actually paid when they moved this quarter,
 * q_i · units_g · κ_i · T / α_i at the same conversion, are subtracted ({@link #recordMove}). The surplus is
 * non-negative before switching costs; the gross surplus of segment g is Σ_i CV_i over its buyers.
 *
 * <p>The change since the first (reference) quarter is split by evaluating the same buyers at the reference quarter's
 * list prices (held in real terms, with the reference licensing wedges; every alternative at list, no contract
 * prices): the price part is G(p_t, Q_t) − G(p_0, Q_t), the choice-set and quality part G(p_0, Q_t) − G(p_0, Q_0)
 * with G(p_0, Q_0) the reference quarter's gross surplus, and the switching part −(S_t − S_0); the three sum to the
 * change of the surplus exactly (up to rounding). Preferences are whatever the scenario sets: a procurement rule
 * changes choice sets at unchanged tastes, so its welfare effect is measured at fixed preferences.
 */
final class Welfare {
    private final Roster roster;
    private final Buyers buyers;
    private final ProviderState providers;
    private final SegmentState segments;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final NestedLogit logit;
    private final QuarterState quarter;
    private final ContractBook book;
    private final int nP;
    private final int nG;
    private final double[] v;
    private final double[] vRef;
    private final double[] prob;
    private final boolean[] available;
    /** The reference quarter's list prices in real terms (divided by its technology index) and licensing wedges. */
    private double[] refGen;
    private double[] refAi;
    private double[] refWedge;
    /** The reference quarter's gross surplus and switching costs paid, by segment. */
    private double[] refGross;
    private double[] refSwitching;

    Welfare(Roster roster, Buyers buyers, ProviderState providers, SegmentState segments, UtilityTables tables,
            ChoiceSets choiceSets, NestedLogit logit, QuarterState quarter, ContractBook book) {
        this.roster = roster;
        this.buyers = buyers;
        this.providers = providers;
        this.segments = segments;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.logit = logit;
        this.quarter = quarter;
        this.book = book;
        nP = roster.nP;
        nG = roster.nG;
        v = new double[nP];
        vRef = new double[nP];
        prob = new double[nP];
        available = new boolean[nP];
    }

    /**
     * Records that a buyer of segment g with base workload q and price sensitivity multiplier alphaMult moved this
     * quarter and paid switching cost κ (logit units): its value in EUR bn goes to the quarter's switching costs.
     */
    void recordMove(int g, double q, double alphaMult, double kappa) {
        if (kappa > 0) {
            book.switchingPaid[g] += q * segments.unitsPerWorkload(g) * kappa * quarter.techIndex()
                    / (roster.sp[g].alpha() * alphaMult);
        }
    }

    /**
     * The quarter's consumer welfare (the tables must be fresh); the first call fixes the reference quarter.
     */
    ConsumerWelfare measure() {
        if (refGen == null) {
            captureReferencePrices();
        }
        double[] gross = new double[nG];
        double[] atRef = new double[nG];
        double[] workload = new double[nG];
        Buyers b = buyers;
        for (int i = 0; i < b.n; i++) {
            addBuyerSurplus(i, gross, atRef);
            workload[b.segment[i]] += b.workload[i];
        }
        double[] paid = book.switchingPaid.clone();
        if (refGross == null) {
            refGross = gross.clone();
            refSwitching = paid.clone();
        }
        double[] surplus = new double[nG];
        double[] price = new double[nG];
        double[] choice = new double[nG];
        double[] switching = new double[nG];
        for (int g = 0; g < nG; g++) {
            surplus[g] = gross[g] - paid[g];
            price[g] = gross[g] - atRef[g];
            choice[g] = atRef[g] - refGross[g];
            switching[g] = -(paid[g] - refSwitching[g]);
        }
        return new ConsumerWelfare(surplus, gross, paid, price, choice, switching, workload);
    }

    private void captureReferencePrices() {
        double t = quarter.techIndex();
        refGen = new double[nP];
        refAi = new double[nP];
        refWedge = providers.wedge.clone();
        for (int j = 0; j < nP; j++) {
            refGen[j] = providers.priceGen[j] / t;
            refAi[j] = providers.priceAi[j] / t;
        }
    }

    /**
     * Adds buyer i's compensating variation at the prices it pays to {@code gross}, and at the reference prices to
     * {@code atRef}, in its segment's entry (EUR bn per quarter). Its choice set is its plan's, with its own provider
     * in it while it holds a contract there (even one it may not renew).
     */
    private void addBuyerSurplus(int i, double[] gross, double[] atRef) {
        Buyers b = buyers;
        int g = b.segment[i];
        int k = b.provider[i];
        SegmentParams s = roster.sp[g];
        double alpha = s.alpha() * b.alphaMult[i];
        double w = segments.blendWeight(g);
        double lic = s.licensingExposure();
        double t = quarter.techIndex();
        double[] bu = tables.baseU[g];
        double[] bl = tables.blend[g];
        for (int j = 0; j < nP; j++) {
            double paid = bl[j];
            if (j == k) {
                paid = ((1 - w) * b.priceGeneral[i] + w * b.priceAi[i]) * (1 + providers.wedge[j] * lic) / t;
            }
            v[j] = bu[j] - alpha * paid;
            vRef[j] = bu[j] - alpha * ((1 - w) * refGen[j] + w * refAi[j]) * (1 + refWedge[j] * lic);
        }
        System.arraycopy(choiceSets.plan(b.country[i], g, k).available, 0, available, 0, nP);
        if (k != b.onPremises) {
            available[k] = true;
        }
        double u0 = tables.u0[g];
        double scale = b.workload[i] * segments.unitsPerWorkload(g) * t / alpha;
        gross[g] += scale * inclusiveSurplus(v, available, u0, logit, prob);
        atRef[g] += scale * inclusiveSurplus(vRef, available, u0, logit, prob);
    }

    /**
     * IV − V_0: the inclusive value of the available alternatives and the outside option, less the outside option's
     * utility (logit units; ln(1 + Σ_n (Σ_{j∈n} e^{(V_j−V_0)/(1−σ)})^{1−σ}) ≥ 0).
     */
    static double inclusiveSurplus(double[] v, boolean[] available, double v0, NestedLogit logit, double[] scratch) {
        return logit.compute(v, available, v0, scratch, null) - v0;
    }
}
