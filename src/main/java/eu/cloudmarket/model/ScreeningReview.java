package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.Scheduler;
import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.model.params.MarketParams.ScreeningParams;

/**
 * Foreign-investment screening of greenfield builds (domain.md §1.5 [S64]): a build by a provider of a screened
 * origin, or by one with a standing decision, waits for a review; the outcome approves it, adds a cost condition, or
 * blocks it (the provider then leases, or loses the capacity if it has no lease route). A decision announced by a
 * scenario event stands for the provider's later builds and resolves the ones waiting.
 */
final class ScreeningReview {
    private final Roster roster;
    private final ScreeningParams params;
    private final Regulation regulation;
    private final OrderBook orders;
    private final Scheduler scheduler;
    /** Each provider's stream of review outcomes. */
    private final RandomStream[] streams;
    private final EventHandler reviewHandler = (s, idx) -> review(idx);

    ScreeningReview(Roster roster, ScreeningParams params, Regulation regulation, OrderBook orders,
            Scheduler scheduler, RandomStream[] streams) {
        this.roster = roster;
        this.params = params;
        this.regulation = regulation;
        this.orders = orders;
        this.scheduler = scheduler;
        this.streams = streams;
    }

    /** Greenfield builds of provider j are screened. */
    boolean screened(int j) {
        return params.origins().contains(roster.origin[j]) || regulation.screeningStanding[j] != null;
    }

    /**
     * Submits build order idx: with a standing decision it is resolved at once, otherwise it waits for a review that
     * ends the given number of quarters after the next quarter starts.
     */
    void submit(int idx) {
        ScreeningOutcome standing = regulation.screeningStanding[orders.get(idx).provider];
        if (standing != null) {
            resolve(idx, standing);
            return;
        }
        orders.get(idx).awaitingReview = true;
        double review = params.reviewQuarters();
        scheduler.schedule(Math.floor(scheduler.now()) + 1 + review, Phase.SUPPLY, reviewHandler, idx);
    }

    /** The review of order idx ends: the standing decision if one was announced meanwhile, else a random outcome. */
    private void review(int idx) {
        Order o = orders.get(idx);
        if (!o.awaitingReview || o.done) {
            return;
        }
        ScreeningOutcome outcome = regulation.screeningStanding[o.provider];
        if (outcome == null) {
            double u = streams[o.provider].nextDouble();
            outcome = u < params.approveProbability() ? ScreeningOutcome.APPROVE
                    : u < params.approveProbability() + params.conditionProbability() ? ScreeningOutcome.CONDITION
                    : ScreeningOutcome.BLOCK;
        }
        resolve(idx, outcome);
    }

    /** E5: the decision stands for provider j from now on and resolves its builds waiting for review. */
    void decide(int j, ScreeningOutcome outcome) {
        regulation.screeningStanding[j] = outcome;
        for (int idx = 0; idx < orders.size(); idx++) {
            Order ord = orders.get(idx);
            if (ord.provider == j && ord.awaitingReview && !ord.done) {
                resolve(idx, outcome);
            }
        }
    }

    private void resolve(int idx, ScreeningOutcome outcome) {
        Order o = orders.get(idx);
        o.awaitingReview = false;
        var inv = roster.pp[o.provider].investment();
        switch (outcome) {
            case APPROVE -> orders.scheduleDelivery(idx, remainingLead(o));
            case CONDITION -> {
                o.premium += params.conditionCostPremium();
                orders.scheduleDelivery(idx, remainingLead(o));
            }
            // Blocked without a lease route: the capacity and the country entry it carried are lost.
            case BLOCK_EXIT -> orders.cancel(idx);
            case BLOCK -> {
                // Blocked: the greenfield build is cancelled and the provider falls back on leased capacity.
                o.lease = true;
                o.premium = inv.leaseCostPremium();
                orders.scheduleDelivery(idx, inv.leaseLeadQuarters());
            }
        }
    }

    private int remainingLead(Order o) {
        return Math.max(1, o.lead - params.reviewQuarters());
    }
}
