package eu.cloudmarket.model.events;

/**
 * A market event dated at a model time (quarters since the start).
 *
 * @param time        model time, >= 0
 * @param label       how the date was written in the scenario (2025Q2 or 2025-06-10)
 * @param event       the event
 * @param description one-line description for the event log and chart labels
 */
public record ScheduledEvent(double time, String label, MarketEvent event, String description) {
    public ScheduledEvent {
        if (!(time >= 0) || !Double.isFinite(time)) {
            throw new IllegalArgumentException("time: must be >= 0, was " + time);
        }
        java.util.Objects.requireNonNull(event, "event");
        description = description == null ? "" : description;
    }
}
