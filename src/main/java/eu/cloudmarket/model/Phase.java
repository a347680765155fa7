package eu.cloudmarket.model;

import eu.cloudmarket.engine.Band;

/**
 * The phases of a market quarter, as bands of the event engine: events at the same instant run phase by phase, in
 * this order. Scenario shocks first, then capacity and chip deliveries, then price setting, then buyers' renewals,
 * then the quarter's accounts and investment, and last the snapshot for the recorders.
 */
enum Phase implements Band {
    EXOGENOUS,
    SUPPLY,
    PRICING,
    DEMAND,
    CLEARING,
    RECORD;

    @Override
    public int rank() {
        return ordinal();
    }
}
