package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;

/**
 * E15: a procurement rule restricts whom the listed segments may contract with: only providers whose exposure to US
 * and to Chinese jurisdiction is at most the limits (0 and 0: EU providers only; a sovereign offer that lowers a
 * provider's exposure can make it eligible). The Cloud and AI Development Act is reported to limit non-EU providers in
 * public procurement [S53]. It changes the segments' choice sets, not their tastes: contracts already signed run to
 * their end, and at renewal an ineligible incumbent may be kept only if {@code incumbentsStay}.
 *
 * @param segments         segment ids, or [all]
 * @param maxExposureUs    largest exposure to US jurisdiction an eligible provider may have, >= 0 (1: no limit)
 * @param maxExposureCn    largest exposure to Chinese jurisdiction an eligible provider may have, >= 0 (1: no limit)
 * @param durationQuarters how long the rule lasts, >= 0 (0 = permanent)
 * @param incumbentsStay   whether installed customers of an ineligible provider may renew with it
 */
public record ProcurementRule(List<String> segments, double maxExposureUs, double maxExposureCn,
        int durationQuarters, boolean incumbentsStay) implements MarketEvent {
    public ProcurementRule {
        segments = segments == null ? List.of("all") : List.copyOf(segments);
        Check.range("maxExposureUs", maxExposureUs, 0, 1);
        Check.range("maxExposureCn", maxExposureCn, 0, 1);
        Check.atLeast("durationQuarters", durationQuarters, 0);
    }

    @Override
    public String type() {
        return "procurement_rule";
    }

    @Override
    public String target() {
        return String.join("+", segments);
    }

    @Override
    public String parameters() {
        return "max_exposure_us=" + Refs.fmt(maxExposureUs) + ";max_exposure_cn=" + Refs.fmt(maxExposureCn)
                + ";duration_quarters=" + durationQuarters + ";incumbents_stay=" + incumbentsStay;
    }

    @Override
    public void validate(MarketParams params) {
        Refs.knownAll("segments", segments, params.segments(), "segment");
    }

    @Override
    public void applyTo(MarketControls m) {
        for (String id : segments) {
            for (int g : m.segmentsMatching(id)) {
                m.restrictProcurement(g, maxExposureUs, maxExposureCn, durationQuarters, incumbentsStay);
            }
        }
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        return switch (field) {
            case "maxExposureUs" -> new ProcurementRule(segments, value, maxExposureCn, durationQuarters,
                    incumbentsStay);
            case "maxExposureCn" -> new ProcurementRule(segments, maxExposureUs, value, durationQuarters,
                    incumbentsStay);
            default -> MarketEvent.super.withMagnitude(field, value);
        };
    }
}
