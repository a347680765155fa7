package eu.cloudmarket.model;

/**
 * Providers' marginal costs of general and AI compute: a base cost that follows the technology trend, scaled by cost
 * shocks and by the premiums that leased or conditioned capacity carries; for AI, also by the cost of the chip tier
 * the provider would buy next.
 */
final class CostModel {
    /**
     * Marginal costs inverted from the first-order condition are floored at this share of the price (a Lerner index
     * of at most 0.95). Assumption: it only guards against a non-positive cost where the implied markup exceeds the
     * price; no source fixes it.
     */
    static final double COST_FLOOR_SHARE_OF_PRICE = 0.05;
    private final Roster roster;
    private final ProviderState providers;
    private final Capacity capacity;
    private final Regulation regulation;
    private final QuarterState quarter;
    private final double buildCapexPerUnit;
    private final double chipCapexPerUnit;

    CostModel(Roster roster, ProviderState providers, Capacity capacity, Regulation regulation, QuarterState quarter,
            double buildCapexPerUnit, double chipCapexPerUnit) {
        this.buildCapexPerUnit = buildCapexPerUnit;
        this.chipCapexPerUnit = chipCapexPerUnit;
        this.roster = roster;
        this.providers = providers;
        this.capacity = capacity;
        this.regulation = regulation;
        this.quarter = quarter;
    }

    /** Marginal cost of general compute now. */
    double costGen(int j) {
        double trend = quarter.techIndex();
        double cap = capacity.capGen[j];
        double premium = cap > 0 ? capacity.premiumUnitsGen[j] / cap : 0;
        return providers.baseCostGen[j] * trend * providers.costMultGen[j] * (1 + premium);
    }

    /**
     * Marginal cost of AI compute now: base cost × trend × the cost per unit of effective capacity of the chip tier
     * the provider would buy next (its first obtainable tier, with any export levy), relative to that of its tier at
     * the start. Export controls thus raise the cost of the marginal unit at once (replacement cost), and leases add
     * their premium.
     */
    double costAi(int j) {
        double trend = quarter.techIndex();
        double cap = capacity.capAi(j);
        double premium = cap > 0 ? capacity.premiumUnitsAi[j] / cap : 0;
        return providers.baseCostAi[j] * trend * providers.costMultAi[j]
                * (marginalTierCostIndex(j) / capacity.initialFleetCostIndex[j]) * (1 + premium);
    }

    /**
     * Expected cost index of the next unit of AI capacity, as {@link ChipProcurement} would buy it: the order goes
     * down the provider's preference list, and tier t supplies the share of what is still unfilled that its licence
     * probability π_t and take-up (1 − refusal share for foreign chips, 1 for domestic ones) allow, so its weight is
     * π_t·u_t·Π_{s&lt;t}(1 − π_s·u_s); tiers without volume supply nothing. The expected cost averages the tiers'
     * costs (with any export levy) over these weights, normalised to the part of the order that can be filled. With
     * no tier obtainable, the dearest tier the provider lists: the scarcity of AI capacity is then priced by the
     * capacity's shadow price in the best response, and a premium on cost as well would count it twice.
     */
    double marginalTierCostIndex(int j) {
        Origin own = roster.origin[j];
        int o = own.ordinal();
        double unfilled = 1;
        double weighted = 0;
        double dearest = 0;
        for (String tierId : roster.pp[j].chips()) {
            int t = roster.tierIndex(tierId);
            double idx = tierCostIndex(t, j);
            dearest = Math.max(dearest, idx);
            if (capacity.tierVolume[j][t] <= 0) {
                continue;
            }
            double takeUp = roster.tp[t].madeIn() != own ? 1 - regulation.refusal[o] : 1;
            double supplied = unfilled * regulation.licenceProb[t][o] * takeUp;
            weighted += supplied * idx;
            unfilled -= supplied;
        }
        double filled = 1 - unfilled;
        return filled > 0 ? weighted / filled : dearest;
    }

    /** Cost per unit of effective AI capacity of a tier for provider j, including any export levy. */
    double tierCostIndex(int t, int j) {
        return roster.tp[t].unitCost() * (1 + regulation.levy[t][roster.origin[j].ordinal()])
                / capacity.tierPerformance[j][t];
    }

    /**
     * Provider j's capital cost of the quarter, EUR bn: the economic depreciation of its installed capacity at today's
     * replacement cost, δ_j · T · (build capex × general capacity + chip capex × AI capacity weighted by each tier's
     * cost index, {@link Capacity#fleetCostUnits}). Leased general capacity pays the same as a rent (the lease's
     * premium over building is already in the marginal cost, {@link #costGen}). The return on capital is not charged:
     * producer surplus is before the cost of equity.
     */
    double capitalCost(int j) {
        double depreciation = roster.pp[j].investment().depreciationPerQuarter();
        return depreciation * quarter.techIndex()
                * (buildCapexPerUnit * capacity.capGen[j] + chipCapexPerUnit * capacity.fleetCostUnits[j]);
    }

    /**
     * Sets each provider's marginal costs so that its initial prices satisfy its first-order condition: c = p − μ
     * with the implied markups μ (domain.md §2.2, "inverting the FOC"), floored at
     * {@link #COST_FLOOR_SHARE_OF_PRICE} of the price; NaN markups (no demand) keep the configured cost.
     */
    void invertMarginalCosts(double[] mu) {
        for (int j = 0; j < roster.nP; j++) {
            if (Double.isNaN(mu[j])) {
                continue;
            }
            double pg = providers.priceGen[j];
            double pa = providers.priceAi[j];
            providers.baseCostGen[j] = Math.max(COST_FLOOR_SHARE_OF_PRICE * pg, pg - mu[j]);
            providers.baseCostAi[j] = Math.max(COST_FLOOR_SHARE_OF_PRICE * pa, pa - mu[j]);
        }
    }
}
