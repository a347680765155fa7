package eu.cloudmarket.model;

import eu.cloudmarket.model.params.InvestmentParams;

/**
 * Providers' investment: each quarter a provider orders enough capacity that utilisation at delivery returns to its
 * target, given its expectation of load growth. General capacity is built (screened for some origins) or leased; AI
 * capacity is bought as chips ({@link ChipProcurement}).
 */
final class CapacityPlanner {
    /**
     * Weight of the latest quarter in the adaptive (exponentially weighted) expectation of quarterly load growth.
     * Assumption: a mean lag of about four quarters, a year of observed growth; no source fixes it.
     */
    static final double GROWTH_EMA_WEIGHT = 0.25;
    /** Observed quarterly growth enters the expectation clamped to [GROWTH_FLOOR, GROWTH_CAP]. Assumption. */
    static final double GROWTH_FLOOR = -0.2;
    /**
     * Upper clamp of observed quarterly growth. Assumption: above the fastest sustained cloud growth in the sources
     * (public IaaS/PaaS +38% a year in 2021 [S9]) by a wide margin, so it binds only on jumps from events.
     */
    static final double GROWTH_CAP = 0.3;
    /** A quarter in years, to turn annual growth rates into quarterly ones. */
    private static final double YEARS_PER_QUARTER = 0.25;
    /** Smallest load and capacity at the start, so that a provider without customers can grow. */
    private static final double MIN_INITIAL_LOAD = 1e-6;
    /** An order smaller than this share of capacity is not worth placing (rounding in the gap). */
    private static final double MIN_ORDER_SHARE = 1e-9;

    private final Roster roster;
    private final int horizon;
    private final Capacity capacity;
    private final ContractBook book;
    private final Regulation regulation;
    private final CostModel costs;
    private final OrderBook orders;
    private final ScreeningReview screening;
    private final ChipProcurement chips;
    private final double[] expectedGrowthGen;
    private final double[] expectedGrowthAi;
    private final double[] prevLoadGen;
    private final double[] prevLoadAi;

    CapacityPlanner(Roster roster, int horizon, Capacity capacity, ContractBook book, Regulation regulation,
            CostModel costs, OrderBook orders, ScreeningReview screening, ChipProcurement chips) {
        this.roster = roster;
        this.horizon = horizon;
        this.capacity = capacity;
        this.book = book;
        this.regulation = regulation;
        this.costs = costs;
        this.orders = orders;
        this.screening = screening;
        this.chips = chips;
        expectedGrowthGen = new double[roster.nP];
        expectedGrowthAi = new double[roster.nP];
        prevLoadGen = new double[roster.nP];
        prevLoadAi = new double[roster.nP];
    }

    /**
     * Sizes each provider's capacity to its initial loads at its configured utilisation (AI capacity as chips of its
     * preferred tier), and starts its growth expectations and pipeline ({@link #initialExpectations}).
     */
    void sizeToInitialLoads() {
        for (int j = 0; j < roster.nP; j++) {
            double lg = Math.max(book.loadGen[j], MIN_INITIAL_LOAD);
            double la = Math.max(book.loadAi[j], MIN_INITIAL_LOAD);
            capacity.capGen[j] = lg / roster.pp[j].general().initialUtilisation();
            int tier = roster.preferredTier(j);
            capacity.fleet[j][tier] = la / roster.pp[j].ai().initialUtilisation();
            capacity.fleetCostUnits[j] = capacity.fleet[j][tier] * costs.tierCostIndex(tier, j);
            capacity.initialFleetCostIndex[j] = costs.marginalTierCostIndex(j);
            prevLoadGen[j] = book.loadGen[j];
            prevLoadAi[j] = book.loadAi[j];
        }
        initialExpectations();
    }

    /**
     * Providers start with a growth expectation per product equal to the trend growth of their customers' segments,
     * weighted by the load each segment brings to that product (general: workload × (1 − AI share); AI: workload × AI
     * share), and with the pipeline that steady investment at that growth would have in flight: deliveries in each
     * of the next lead-time quarters that keep utilisation where it starts. Weighting the AI pipeline by total workload
     * would size it to the slow general-compute growth of the large segments, not to the AI labs that carry most of
     * the AI load, and AI capacity would bind within a year.
     */
    private void initialExpectations() {
        for (int j = 0; j < roster.nP; j++) {
            expectedGrowthGen[j] = initialGrowth(j, false);
            expectedGrowthAi[j] = initialGrowth(j, true);
            var inv = roster.pp[j].investment();
            double dep = inv.depreciationPerQuarter();
            int lead = inv.prefersLease() ? inv.leaseLeadQuarters() : inv.buildLeadQuarters();
            double gq = expectedGrowthGen[j];
            double capG = capacity.capGen[j];
            for (int q = 1; q <= lead && q < horizon; q++) {
                double amount = capG * (Math.pow(1 + gq, q) - Math.pow(1 + gq, q - 1)) + dep * capG;
                orders.scheduleDeliveryAt(q, orders.add(new Order(j, false, -1, amount, 0, 0, false, q)));
            }
            int tier = roster.preferredTier(j);
            int aiLead = roster.tp[tier].leadQuarters();
            double ga = expectedGrowthAi[j];
            double capA = capacity.capAi(j);
            for (int q = 1; q <= aiLead && q < horizon; q++) {
                double amount = capA * (Math.pow(1 + ga, q) - Math.pow(1 + ga, q - 1)) + dep * capA;
                Order o = new Order(j, true, tier, amount, 0, costs.tierCostIndex(tier, j), false, q);
                orders.scheduleDeliveryAt(q, orders.add(o));
            }
        }
    }

    /** Provider j's initial quarterly growth of one product's load: its segments' trends, weighted by that load. */
    private double initialGrowth(int j, boolean ai) {
        double w = 0;
        double gq = 0;
        for (int g = 0; g < roster.nG; g++) {
            double share = ai ? roster.sp[g].aiShare() : 1 - roster.sp[g].aiShare();
            double load = book.sumQ[j][g] * share;
            w += load;
            gq += load * (Math.pow(1 + roster.sp[g].workloadGrowthPerYear(), YEARS_PER_QUARTER) - 1);
        }
        return w > 0 ? gq / w : 0;
    }

    /** The quarter's investment decisions of every provider (at the end of the quarter). */
    void invest() {
        for (int j = 0; j < roster.nP; j++) {
            updateGrowthExpectation(j);
            InvestmentParams inv = roster.pp[j].investment();
            double keep = 1 - inv.depreciationPerQuarter();
            boolean lease = inv.prefersLease() || regulation.isBlocked(j);
            int lead = lease ? inv.leaseLeadQuarters() : inv.buildLeadQuarters();
            double loadGen = book.loadGen[j];
            double capGen = capacity.capGen[j];
            double projGen = loadGen * Math.pow(1 + Math.max(0, expectedGrowthGen[j]), lead + 1);
            double haveGen = capGen * Math.pow(keep, lead + 1) + capacity.pipelineGen[j];
            double gapGen = projGen / inv.targetUtilisation() - haveGen;
            if (gapGen > MIN_ORDER_SHARE * Math.max(capGen, MIN_ORDER_SHARE)) {
                orderGeneral(j, gapGen, lease, lead, lease ? inv.leaseCostPremium() : 0, -1);
            }
            int aiLead = roster.tp[roster.preferredTier(j)].leadQuarters();
            double projAi = book.loadAi[j] * Math.pow(1 + Math.max(0, expectedGrowthAi[j]), aiLead + 1);
            double haveAi = capacity.capAi(j) * Math.pow(keep, aiLead + 1) + capacity.pipelineAi[j];
            double gapAi = projAi / inv.targetUtilisation() - haveAi;
            if (gapAi > MIN_ORDER_SHARE * Math.max(capacity.capAi(j), MIN_ORDER_SHARE)) {
                chips.procure(j, gapAi, -1);
            }
        }
    }

    /** Adaptive expectation of quarterly load growth: an EMA of the clamped observed growth. */
    private void updateGrowthExpectation(int j) {
        if (prevLoadGen[j] > 0) {
            double observed = clamp(book.loadGen[j] / prevLoadGen[j] - 1, GROWTH_FLOOR, GROWTH_CAP);
            expectedGrowthGen[j] += GROWTH_EMA_WEIGHT * (observed - expectedGrowthGen[j]);
        }
        if (prevLoadAi[j] > 0) {
            double observed = clamp(book.loadAi[j] / prevLoadAi[j] - 1, GROWTH_FLOOR, GROWTH_CAP);
            expectedGrowthAi[j] += GROWTH_EMA_WEIGHT * (observed - expectedGrowthAi[j]);
        }
        prevLoadGen[j] = book.loadGen[j];
        prevLoadAi[j] = book.loadAi[j];
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /**
     * E10 and E11: orders capacity equal to {@code share} of the provider's current capacity of the product. General
     * capacity in a country ({@code country >= 0}) opens that country to the provider when it is delivered; a
     * greenfield build goes through investment screening first if the provider's origin is screened, and a provider
     * under a screening block leases instead.
     */
    void orderCapacity(int j, boolean ai, double share, boolean lease, int lead, double premium, int country) {
        if (ai) {
            chips.procure(j, share * Math.max(capacity.capAi(j), ChipProcurement.MIN_CAPACITY), lead);
            return;
        }
        InvestmentParams inv = roster.pp[j].investment();
        boolean viaLease = lease || regulation.isBlocked(j);
        orderGeneral(j, share * capacity.capGen[j], viaLease,
                viaLease && !lease ? inv.leaseLeadQuarters() : lead,
                viaLease ? Math.max(premium, lease ? premium : inv.leaseCostPremium()) : premium, country);
    }

    /** Places a general-capacity order; greenfield builds by screened providers go to review first. */
    private void orderGeneral(int j, double amount, boolean lease, int lead, double premium, int country) {
        Order o = new Order(j, false, -1, amount, premium, 0, lease, lead);
        o.country = country;
        int idx = orders.add(o);
        if (!lease && screening.screened(j)) {
            screening.submit(idx);
            return;
        }
        orders.scheduleDelivery(idx, lead);
    }
}
