package eu.cloudmarket.model.params;

import eu.cloudmarket.model.Origin;

/**
 * A tier of AI accelerators (frontier H100/B-class, export-compliant H20-class, domestic T-Head-class).
 *
 * @param madeIn           jurisdiction whose export controls govern the tier (US for Nvidia, CN for T-Head)
 * @param performance      effective AI capacity per chip relative to the frontier tier, > 0
 * @param unitCost         cost per chip relative to a frontier chip, > 0
 * @param leadQuarters     quarters from order to delivery, >= 0
 * @param qualityPenalty   AI-quality loss for a provider whose whole fleet is of this tier (software ecosystem gap), >= 0
 * @param volumePerQuarter most AI capacity one provider can add from this tier per quarter, as a share of its current
 *                         AI capacity; null = unlimited, 0 = none until a {@code domestic_chip_ramp} event
 */
public record ChipTierParams(
        Origin madeIn,
        double performance,
        double unitCost,
        int leadQuarters,
        double qualityPenalty,
        Double volumePerQuarter) {
    public ChipTierParams {
        Check.required("madeIn", madeIn);
        Check.positive("performance", performance);
        Check.positive("unitCost", unitCost);
        Check.atLeast("leadQuarters", leadQuarters, 0);
        Check.nonNegative("qualityPenalty", qualityPenalty);
        if (volumePerQuarter != null) {
            Check.nonNegative("volumePerQuarter", volumePerQuarter);
        }
    }
}
