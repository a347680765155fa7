package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.Origin;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E2: the chip maker's home government tightens or loosens export controls on one chip tier for entities
 * headquartered in {@code targetOrigin}, worldwide (so also for their EU data centres [S43]). Sets the probability
 * that an order is licensed and the revenue levy that raises the chip price (15% on H20 [S45], 25% on H200 [S49]).
 *
 * @param tier               chip tier id
 * @param targetOrigin       jurisdiction of the targeted buyers' headquarters
 * @param licenceProbability probability an order is licensed, in [0, 1]; 0 = ban
 * @param levy               levy as a share of the chip price, in [0, 1]
 */
public record ExportControlChange(String tier, Origin targetOrigin, double licenceProbability, double levy)
        implements MarketEvent {
    public ExportControlChange {
        Check.required("targetOrigin", targetOrigin);
        Check.range("licenceProbability", licenceProbability, 0, 1);
        Check.range("levy", levy, 0, 1);
    }

    @Override
    public String type() {
        return "export_control_change";
    }

    @Override
    public String target() {
        return tier;
    }

    @Override
    public String parameters() {
        return "target_origin=" + targetOrigin + ";licence_probability=" + Refs.fmt(licenceProbability)
                + ";levy=" + Refs.fmt(levy);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("tier", tier, params.chipTiers(), "chip tier", false);
    }

    @Override
    public void applyTo(MarketControls m) {
        m.setExportRule(m.tierIndex(tier), targetOrigin, licenceProbability, levy);
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        return switch (field) {
            case "licenceProbability" -> new ExportControlChange(tier, targetOrigin, value, levy);
            case "levy" -> new ExportControlChange(tier, targetOrigin, licenceProbability, value);
            default -> MarketEvent.super.withMagnitude(field, value);
        };
    }
}
