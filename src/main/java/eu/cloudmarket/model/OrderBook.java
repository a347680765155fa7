package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * The capacity orders of all providers, by index, and their deliveries: a delivery adds the capacity (and the premium
 * it carries) to the provider's installed base and, for a country entry, opens the country.
 */
final class OrderBook {
    private final List<Order> orders = new ArrayList<>();
    private final Scheduler scheduler;
    private final int horizon;
    private final Capacity capacity;
    private final Regulation regulation;
    private final ChoiceSets choiceSets;
    private final UtilityTables tables;
    private final QuarterState quarter;
    private final EventHandler deliveryHandler = (s, idx) -> deliver(idx);

    OrderBook(Scheduler scheduler, int horizon, Capacity capacity, Regulation regulation, ChoiceSets choiceSets,
            UtilityTables tables, QuarterState quarter) {
        this.scheduler = scheduler;
        this.horizon = horizon;
        this.capacity = capacity;
        this.regulation = regulation;
        this.choiceSets = choiceSets;
        this.tables = tables;
        this.quarter = quarter;
    }

    /** Adds an order to the pipeline (its amount to the provider's pipeline); returns its index. */
    int add(Order o) {
        orders.add(o);
        if (o.ai) {
            capacity.pipelineAi[o.provider] += o.amount;
        } else {
            capacity.pipelineGen[o.provider] += o.amount;
        }
        return orders.size() - 1;
    }

    Order get(int idx) {
        return orders.get(idx);
    }

    int size() {
        return orders.size();
    }

    /** Delivers order idx at time {@code at} (the caller checks the horizon). */
    void scheduleDeliveryAt(double at, int idx) {
        scheduler.schedule(at, Phase.SUPPLY, deliveryHandler, idx);
    }

    /** Delivers order idx {@code lead} quarters (at least one) after the current one, if within the horizon. */
    void scheduleDelivery(int idx, int lead) {
        double at = Math.floor(scheduler.now()) + Math.max(1, lead);
        if (at < horizon) {
            scheduleDeliveryAt(at, idx);
        }
    }

    /** Cancels order idx: its capacity leaves the pipeline and never arrives. */
    void cancel(int idx) {
        Order o = orders.get(idx);
        o.done = true;
        capacity.pipelineGen[o.provider] -= o.amount;
    }

    private void deliver(int idx) {
        Order o = orders.get(idx);
        if (o.done) {
            return;
        }
        o.done = true;
        int j = o.provider;
        if (o.ai) {
            capacity.pipelineAi[j] -= o.amount;
            capacity.fleet[j][o.tier] += o.amount;
            capacity.fleetCostUnits[j] += o.amount * o.costIndex;
            capacity.premiumUnitsAi[j] += o.amount * o.premium;
            capacity.deliveredThisQuarter[j][o.tier] += o.amount;
        } else {
            capacity.pipelineGen[j] -= o.amount;
            capacity.capGen[j] += o.amount;
            capacity.premiumUnitsGen[j] += o.amount * o.premium;
        }
        if (o.country >= 0) {
            regulation.serves[o.country][j] = true;
            choiceSets.refresh(quarter.index());
        }
        tables.invalidate();
    }

    /** Orders of provider j not yet delivered or cancelled. */
    int pending(int j) {
        int n = 0;
        for (Order o : orders) {
            if (o.provider == j && !o.done) {
                n++;
            }
        }
        return n;
    }

    /** Pending orders of provider j waiting for an investment-screening decision. */
    int awaitingReview(int j) {
        int n = 0;
        for (Order o : orders) {
            if (o.provider == j && !o.done && o.awaitingReview) {
                n++;
            }
        }
        return n;
    }
}
