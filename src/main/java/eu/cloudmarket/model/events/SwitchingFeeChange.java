package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;

/**
 * E8: egress (switching) fees change for the listed providers: a level of 1 is the full pre-2024 fee, a cost-based cap
 * is a fraction, 0 is a ban (Data Act: at cost from Jan 2024, banned for full switches from 12 Jan 2027 [S60]). Only
 * the egress part κ_egress of the switching cost scales with the level; κ_tech is unchanged.
 *
 * @param providers   provider ids, or [all]
 * @param egressLevel new fee level relative to the full fee, in [0, 1]
 */
public record SwitchingFeeChange(List<String> providers, double egressLevel) implements MarketEvent {
    public SwitchingFeeChange {
        providers = providers == null ? List.of("all") : List.copyOf(providers);
        Check.range("egressLevel", egressLevel, 0, 1);
    }

    @Override
    public String type() {
        return "switching_fee_change";
    }

    @Override
    public String target() {
        return String.join("+", providers);
    }

    @Override
    public String parameters() {
        return "egress_level=" + Refs.fmt(egressLevel);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.knownAll("providers", providers, params.providers(), "provider");
    }

    @Override
    public void applyTo(MarketControls m) {
        for (String id : providers) {
            for (int j : m.providersMatching(id)) {
                m.setEgressLevel(j, egressLevel);
            }
        }
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("egressLevel")) {
            return new SwitchingFeeChange(providers, value);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
