package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;

/**
 * E14: an AI demand shock multiplies the workload of the listed segments and the GPU intensity of that workload
 * (generative AI after Nov 2022: about half of cloud growth since ChatGPT [S14]; the 2023 H100 scarcity [S30]).
 *
 * @param segments              segment ids, or [all]
 * @param growthMultiplier      factor on each buyer's workload, > 0
 * @param gpuIntensityMultiplier factor on the AI part of the workload, > 0
 */
public record AiDemandShock(List<String> segments, double growthMultiplier, double gpuIntensityMultiplier)
        implements MarketEvent {
    public AiDemandShock {
        segments = segments == null ? List.of("all") : List.copyOf(segments);
        Check.positive("growthMultiplier", growthMultiplier);
        Check.positive("gpuIntensityMultiplier", gpuIntensityMultiplier);
    }

    @Override
    public String type() {
        return "ai_demand_shock";
    }

    @Override
    public String target() {
        return String.join("+", segments);
    }

    @Override
    public String parameters() {
        return "growth_multiplier=" + Refs.fmt(growthMultiplier) + ";gpu_intensity_multiplier="
                + Refs.fmt(gpuIntensityMultiplier);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.knownAll("segments", segments, params.segments(), "segment");
    }

    @Override
    public void applyTo(MarketControls m) {
        for (String id : segments) {
            for (int g : m.segmentsMatching(id)) {
                m.shockAiDemand(g, growthMultiplier, gpuIntensityMultiplier);
            }
        }
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        return switch (field) {
            case "growthMultiplier" -> new AiDemandShock(segments, value, gpuIntensityMultiplier);
            case "gpuIntensityMultiplier" -> new AiDemandShock(segments, growthMultiplier, value);
            default -> MarketEvent.super.withMagnitude(field, value);
        };
    }
}
