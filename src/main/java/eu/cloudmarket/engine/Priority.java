package eu.cloudmarket.engine;

/**
 * Priority bands that order events scheduled for the same instant. Lower bands run first: scenario shocks, then
 * supply arrivals, then price setting, then demand, then market clearing, then recording.
 */
public enum Priority {
    EXOGENOUS,
    SUPPLY,
    PRICING,
    DEMAND,
    CLEARING,
    RECORD;

    /** Rank used as the second sort key of the future-event list. */
    public int rank() {
        return ordinal();
    }
}
