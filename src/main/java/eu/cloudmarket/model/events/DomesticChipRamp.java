package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E4: a provider gains access to a domestic chip tier (Alibaba's T-Head PPU, shown at parity with the H20 in Sep 2025
 * [S48]). Sets how much capacity per quarter it can obtain and the tier's performance relative to the frontier.
 *
 * @param provider         provider id
 * @param tier             chip tier id (normally a tier made in the provider's own jurisdiction)
 * @param volumePerQuarter capacity units obtainable per quarter, >= 0
 * @param performance      performance relative to the frontier tier, > 0
 */
public record DomesticChipRamp(String provider, String tier, double volumePerQuarter, double performance)
        implements MarketEvent {
    public DomesticChipRamp {
        Check.nonNegative("volumePerQuarter", volumePerQuarter);
        Check.positive("performance", performance);
    }

    @Override
    public String type() {
        return "domestic_chip_ramp";
    }

    @Override
    public String target() {
        return provider;
    }

    @Override
    public String parameters() {
        return "tier=" + tier + ";volume_per_quarter=" + Refs.fmt(volumePerQuarter)
                + ";performance=" + Refs.fmt(performance);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("provider", provider, params.providers(), "provider", false);
        Refs.known("tier", tier, params.chipTiers(), "chip tier", false);
    }

    @Override
    public void applyTo(MarketControls m) {
        m.rampTier(m.providerIndex(provider), m.tierIndex(tier), volumePerQuarter, performance);
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        return switch (field) {
            case "volumePerQuarter" -> new DomesticChipRamp(provider, tier, value, performance);
            case "performance" -> new DomesticChipRamp(provider, tier, volumePerQuarter, value);
            default -> MarketEvent.super.withMagnitude(field, value);
        };
    }
}
