package eu.cloudmarket.model;

import eu.cloudmarket.engine.random.RandomStream;

/**
 * AI capacity is bought as chips of the provider's preferred tiers, in order of preference, subject to export
 * licences (granted at random with the rule's probability), counter-guidance (a share of foreign chips refused) and
 * each tier's volume limit (domain.md §1.4).
 */
final class ChipProcurement {
    /** Floor of the AI capacity that volume limits are shares of, so that a provider without AI can start. */
    static final double MIN_CAPACITY = 1e-9;

    private final Roster roster;
    private final Capacity capacity;
    private final Regulation regulation;
    private final CostModel costs;
    private final OrderBook orders;
    /** Each provider's stream of export-licence draws. */
    private final RandomStream[] licenceStreams;

    ChipProcurement(Roster roster, Capacity capacity, Regulation regulation, CostModel costs, OrderBook orders,
            RandomStream[] licenceStreams) {
        this.roster = roster;
        this.capacity = capacity;
        this.regulation = regulation;
        this.costs = costs;
        this.orders = orders;
        this.licenceStreams = licenceStreams;
    }

    /** Orders up to {@code amount} of AI capacity for provider j; {@code leadOverride} &lt; 0 uses the tier's lead. */
    void procure(int j, double amount, int leadOverride) {
        double remaining = amount;
        double cap = Math.max(capacity.capAi(j), MIN_CAPACITY);
        Origin own = roster.origin[j];
        int o = own.ordinal();
        for (String tierId : roster.pp[j].chips()) {
            if (remaining <= 0) {
                break;
            }
            int t = roster.tierIndex(tierId);
            double p = regulation.licenceProb[t][o];
            if (p <= 0) {
                continue;
            }
            if (p < 1 && licenceStreams[j].nextDouble() >= p) {
                continue; // licence denied this quarter
            }
            double takeUp = roster.tp[t].madeIn() != own ? 1 - regulation.refusal[o] : 1;
            double limit = capacity.tierVolume[j][t] * cap;
            double got = Math.min(remaining * takeUp, limit);
            if (got <= 0) {
                continue;
            }
            Order ord = new Order(j, true, t, got, 0, costs.tierCostIndex(t, j), false,
                    leadOverride >= 0 ? leadOverride : roster.tp[t].leadQuarters());
            orders.scheduleDelivery(orders.add(ord), ord.lead);
            remaining -= got;
        }
    }
}
