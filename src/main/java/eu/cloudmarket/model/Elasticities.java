package eu.cloudmarket.model;

import eu.cloudmarket.model.PriceElasticities.Product;
import eu.cloudmarket.model.params.SegmentParams;

/**
 * The quarter's price elasticities and diversion ratios, for the recorders; no decision uses them.
 *
 * <p>They describe the expected demand, before any rationing, of the buyers who choose in the quarter: the renewing
 * buyers R of {@link Renewals#dueList} (buyers on premises at their periodic review), each with its own price
 * sensitivity α_i and its switching cost κ_i away from its current supplier, at the list prices set at the quarter's
 * start, in the same units as the loads and as pricing's expected demand ({@link DemandModel}): general and AI compute
 * units. Each product has its own list price, so each has its own elasticities. With u_g^gen and u_g^ai the units per
 * unit of base workload q_i, w_g the segment's AI blend weight, ω_gk = 1 + wedge_k·licensing_g and T the technology
 * index, buyer i's utility of provider k and the demand for j's product x are (as in {@link BuyerDecision})
 *
 * <pre>
 *   V_ik = U_gk − α_i·((1 − w_g)·p_k^gen + w_g·p_k^ai)·ω_gk/T − 1{k ≠ s_i}·κ_i        V_i0 = u0_g − 1{s_i ≠ 0}·κ_i
 *   D_j^x = Σ_{i∈R} q_i·u_g^x·P_ij(V_i)          e_jk^x = (∂D_j^x/∂p_k^x)·p_k^x/D_j^x
 *   diversion from k to j:  DR_kj^x = −(∂D_j^x/∂p_k^x)/(∂D_k^x/∂p_k^x),   Σ_{j≠k} DR_kj^x + DR_k0^x = 1
 * </pre>
 *
 * with j = 0 the outside option (on premises), P_ij the nested-logit probabilities over i's choice set and
 * ∂V_ik/∂p_k^gen = −α_i(1 − w_g)ω_gk/T, ∂V_ik/∂p_k^ai = −α_i w_g ω_gk/T. The derivatives are analytic
 * ({@link DemandDerivatives}), summed over every renewing buyer: expected, not sampled, choices.
 *
 * <p>This is the demand the buyers actually have, not the providers' view of it: pricing's first-order conditions use
 * representative types at the segment mean α and without switching costs ({@link DemandModel}), so these elasticities
 * are not the ones that the best responses equate to markups. Computed once a quarter, off the renewals' hot path.
 */
final class Elasticities {
    private final Roster roster;
    private final Buyers buyers;
    private final Renewals renewals;
    private final ProviderState providers;
    private final SegmentState segments;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final QuarterState quarter;
    private final DemandDerivatives sums;
    private final int nP;
    private final double[] v;
    private final double[] units = new double[Product.values().length];
    private final double[][] priceWeight;
    private final double[][] prices;
    private PriceElasticities latest;

    Elasticities(Roster roster, Buyers buyers, Renewals renewals, ProviderState providers, SegmentState segments,
            UtilityTables tables, ChoiceSets choiceSets, NestedLogit logit, QuarterState quarter) {
        this.roster = roster;
        this.buyers = buyers;
        this.renewals = renewals;
        this.providers = providers;
        this.segments = segments;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.quarter = quarter;
        nP = roster.nP;
        sums = new DemandDerivatives(logit, nP, Product.values().length);
        v = new double[nP];
        priceWeight = new double[Product.values().length][nP];
        prices = new double[Product.values().length][];
    }

    /**
     * Measures the elasticities of the current quarter's renewals at the current list prices (call after pricing,
     * before the first renewal). The utility tables are refreshed for the new prices and left stale again, as pricing
     * left them, so that the renewals refresh them when they did before: measuring changes no result.
     */
    void measure() {
        tables.refresh();
        sums.clear();
        int[] due = renewals.dueList();
        for (int p = 0; p < renewals.dueCount(); p++) {
            addBuyer(due[p]);
        }
        prices[Product.GENERAL.ordinal()] = providers.priceGen.clone();
        prices[Product.AI.ordinal()] = providers.priceAi.clone();
        latest = sums.result(prices);
        tables.invalidate();
    }

    /** Adds renewing buyer i's expected choice and its price derivatives (utilities as in {@link BuyerDecision}). */
    private void addBuyer(int i) {
        Buyers b = buyers;
        int g = b.segment[i];
        int s = b.provider[i];
        SegmentParams sp = roster.sp[g];
        double kap = s == b.onPremises ? 0
                : b.kappaMult[i] * (sp.switchingTech() * providers.techMult[s]
                        + sp.switchingEgress() * providers.egress[s] * b.dataIntensity[i]);
        double alpha = sp.alpha() * b.alphaMult[i];
        double[] baseU = tables.baseU[g];
        double[] blend = tables.blend[g];
        double w = segments.blendWeight(g);
        double perPrice = alpha / quarter.techIndex();
        for (int k = 0; k < nP; k++) {
            v[k] = baseU[k] - alpha * blend[k] - (k == s ? 0 : kap);
            double omega = 1 + providers.wedge[k] * sp.licensingExposure();
            priceWeight[Product.GENERAL.ordinal()][k] = perPrice * (1 - w) * omega;
            priceWeight[Product.AI.ordinal()][k] = perPrice * w * omega;
        }
        double q = b.workload[i];
        units[Product.GENERAL.ordinal()] = q * segments.genPerWorkload(g);
        units[Product.AI.ordinal()] = q * segments.aiPerWorkload(g);
        boolean[] available = choiceSets.plan(b.country[i], g, s).available;
        sums.add(v, available, tables.u0[g] - kap, units, priceWeight);
    }

    /** The last measurement (null before the first quarter). */
    PriceElasticities latest() {
        return latest;
    }
}
