package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;

/**
 * E13: a regulator designates providers (EU DMA gatekeeper, UK SMS) and imposes interoperability and switching
 * obligations after a compliance lag (DMA cloud probes Nov 2025 → ~Nov 2026 [S61]; CMA [S19]). The technical switching
 * cost of leaving a designated provider is multiplied by {@code switchingTechMultiplier}; optionally its licensing wedge
 * is removed.
 *
 * @param providers               designated provider ids
 * @param switchingTechMultiplier factor on κ_tech for leaving them, in [0, 1]
 * @param removeLicensingWedge    whether obligations remove software-licensing wedges they impose
 * @param complianceLagQuarters   quarters until the obligations bite, >= 0
 */
public record RegulatoryDesignation(
        List<String> providers, double switchingTechMultiplier, boolean removeLicensingWedge, int complianceLagQuarters)
        implements MarketEvent {
    public RegulatoryDesignation {
        providers = providers == null ? List.of() : List.copyOf(providers);
        Check.range("switchingTechMultiplier", switchingTechMultiplier, 0, 1);
        Check.atLeast("complianceLagQuarters", complianceLagQuarters, 0);
    }

    @Override
    public String type() {
        return "regulatory_designation";
    }

    @Override
    public String target() {
        return String.join("+", providers);
    }

    @Override
    public String parameters() {
        return "switching_tech_multiplier=" + Refs.fmt(switchingTechMultiplier) + ";remove_licensing_wedge="
                + removeLicensingWedge + ";compliance_lag_quarters=" + complianceLagQuarters;
    }

    @Override
    public void validate(MarketParams params) {
        Refs.knownAll("providers", providers, params.providers(), "provider");
    }

    @Override
    public void applyTo(MarketControls m) {
        for (String id : providers) {
            for (int j : m.providersMatching(id)) {
                m.designate(j, switchingTechMultiplier, removeLicensingWedge, complianceLagQuarters);
            }
        }
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("switchingTechMultiplier")) {
            return new RegulatoryDesignation(providers, value, removeLicensingWedge, complianceLagQuarters);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
