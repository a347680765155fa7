package eu.cloudmarket.model;

/**
 * One event that fired, as written to events.csv.
 *
 * @param time        model time (quarters since start)
 * @param quarter     quarter label
 * @param type        event type (snake_case)
 * @param target      provider, tier, country or segment acted on
 * @param parameters  key=value pairs joined by ';'
 * @param description one-line description
 * @param origin      {@code scenario} for dated events, {@code stochastic} for hazard-driven ones
 */
public record EventRecord(
        double time, String quarter, String type, String target, String parameters, String description,
        String origin) {
}
