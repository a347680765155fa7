package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.MarketParams;

/**
 * A typed scenario event (domain.md §3.1, E1–E15). Each event is immutable, checks its references against the
 * market's parameters at load time, and applies itself to the part of the market state it names.
 */
public sealed interface MarketEvent permits PriceChange, ExportControlChange, CounterGuidance, DomesticChipRamp,
        InvestmentScreening, SovereigntyShock, SovereignOfferLaunch, SwitchingFeeChange, LicensingRemedy,
        CapacityLease, CapacityBuild, MarketAccessExclusion, RegulatoryDesignation, AiDemandShock, ProcurementRule {

    /** Stable snake_case type name, as written in configs and in events.csv. */
    String type();

    /** The provider, tier, country or segment the event acts on (or "all"). */
    String target();

    /** The event's parameters as {@code key=value} pairs joined by ';', for events.csv. */
    String parameters();

    /** Throws IllegalArgumentException naming the field if a reference is unknown. */
    void validate(MarketParams params);

    /** Changes the market state through its controls. */
    void applyTo(MarketControls market);

    /** Returns a copy with one numeric field replaced (used by stochastic events to draw magnitudes). */
    default MarketEvent withMagnitude(String field, double value) {
        throw new IllegalArgumentException("magnitude: event type " + type() + " has no numeric field '" + field + "'");
    }
}
