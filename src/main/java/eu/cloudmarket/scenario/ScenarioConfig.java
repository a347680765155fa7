package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.MarketParams.ExportRule;
import eu.cloudmarket.model.params.MarketParams.MarketSettings;
import eu.cloudmarket.model.params.MarketParams.ScreeningParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.model.params.SegmentParams;
import eu.cloudmarket.model.params.StructuralParams;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written (after {@code extends} is resolved and {@code --set} overrides are applied). Its keys
 * are the dotted paths users write in {@code --set} and in sweep files, e.g. {@code buyers.count},
 * {@code horizon.quarters}, {@code providers.aws.pricing.speed}.
 */
public record ScenarioConfig(
        String name,
        String description,
        String question,
        Long seed,
        Horizon horizon,
        BuyerCount buyers,
        MarketSettings market,
        Map<String, Double> countries,
        Map<String, SegmentParams> segments,
        Map<String, ChipTierParams> chipTiers,
        Map<String, ProviderParams> providers,
        List<ExportRule> exportControls,
        ScreeningParams screening,
        List<JsonNode> events,
        List<JsonNode> stochasticEvents,
        StructuralParams structural) {

    /**
     * @param start    first simulated quarter, e.g. 2025Q1
     * @param quarters       number of simulated quarters, 1..400
     * @param truncateEvents drop dated events after the horizon instead of failing (default false)
     */
    public record Horizon(String start, int quarters, boolean truncateEvents) {
        public Horizon {
            if (start == null) {
                throw new IllegalArgumentException("start: is required (a quarter label like 2025Q1)");
            }
            try {
                eu.cloudmarket.engine.QuarterClock.parseLabel(start);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("start: " + e.getMessage());
            }
            if (quarters < 1 || quarters > 400) {
                throw new IllegalArgumentException("quarters: must be in [1, 400], was " + quarters);
            }
        }
    }

    /** @param count number of buyer agents, 1..50,000,000 */
    public record BuyerCount(int count) {
        public BuyerCount {
            if (count < 1 || count > 50_000_000) {
                throw new IllegalArgumentException("count: must be in [1, 50000000], was " + count);
            }
        }
    }
}
