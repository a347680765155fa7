package eu.cloudmarket.model.params;

import eu.cloudmarket.model.Origin;
import java.util.List;
import java.util.Map;

/**
 * Everything the market model needs for one run, already validated and resolved (no file names, no YAML). Maps keep
 * the configured order, which fixes every iteration order in the model.
 *
 * @param startQuarter   label of the first simulated quarter, e.g. 2025Q1
 * @param quarters       number of simulated quarters, >= 1
 * @param buyerCount     number of buyer agents, >= 1
 * @param settings       market-wide settings
 * @param countries      country id → weight (share of buyers); weights sum to 1
 * @param segments       segment id → parameters; weights sum to 1
 * @param chipTiers      chip tier id → parameters
 * @param providers      provider id → parameters
 * @param exportControls export-control rules in force at the start
 * @param screening      investment-screening regime in force at the start
 * @param structural     structural parameters held fixed, or null (or {@code use: targets}) to solve them from the
 *                       targets in the run
 */
public record MarketParams(
        String startQuarter,
        int quarters,
        int buyerCount,
        MarketSettings settings,
        Map<String, Double> countries,
        Map<String, SegmentParams> segments,
        Map<String, ChipTierParams> chipTiers,
        Map<String, ProviderParams> providers,
        List<ExportRule> exportControls,
        ScreeningParams screening,
        StructuralParams structural) {

    public MarketParams {
        Check.required("startQuarter", startQuarter);
        Check.atLeast("quarters", quarters, 1);
        Check.atLeast("buyerCount", buyerCount, 1);
        Check.required("settings", settings);
        Check.notEmpty("countries", countries);
        Check.notEmpty("segments", segments);
        Check.notEmpty("chipTiers", chipTiers);
        Check.notEmpty("providers", providers);
        countries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(countries));
        segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
        chipTiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(chipTiers));
        providers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
        exportControls = exportControls == null ? List.of() : List.copyOf(exportControls);
        Check.required("screening", screening);
    }

    /** The structural parameters to hold fixed, or null when the run solves them from the targets. */
    public StructuralParams fixedStructure() {
        return structural != null && structural.fixed() ? structural : null;
    }

    /** These parameters with {@code structural} in place of the current ones. */
    public MarketParams withStructural(StructuralParams s) {
        return new MarketParams(startQuarter, quarters, buyerCount, settings, countries, segments, chipTiers,
                providers, exportControls, screening, s);
    }

    /**
     * Market-wide settings.
     *
     * @param initialRevenueEurBnPerQuarter cloud revenue in the first quarter (EUR bn per quarter), > 0
     * @param nestingSigma                  nested-logit parameter σ in [0, 1): 0 = plain logit; nests by origin
     * @param adoptionDriftPerYear          yearly fall in the utility of staying on premises (cloud adoption) while
     *                                      adoption is far below its ceiling, >= 0
     * @param adoptionCeiling               share of each segment's workload that can ever be in the cloud, in (0, 1]:
     *                                      the drift shrinks in proportion to the headroom left below it, and no buyer
     *                                      moves to the cloud past it
     * @param costTrendPerYear              yearly change of marginal costs (quality adjusted), > -1
     * @param aiReferencePriceEurPerGpuHour EUR per GPU-hour that AI price index 1.0 stands for, > 0
     * @param marginalCosts                 {@code fromPrices}: invert each provider's marginal costs from its initial
     *                                      prices and the first-order condition (the calibration trick of domain.md
     *                                      §2.2), so the initial prices are a best response; {@code configured}: use
     *                                      the configured marginal costs
     * @param buildCapexPerUnit             capital cost of one unit of general capacity (EUR per EUR of quarterly
     *                                      workload at reference prices and today's technology), >= 0; leased
     *                                      capacity is charged the same as a rent (its premium is in marginal cost)
     * @param chipCapexPerUnit              capital cost of one unit of AI capacity of a chip tier with cost index 1,
     *                                      same units, >= 0
     */
    public record MarketSettings(
            double initialRevenueEurBnPerQuarter,
            double nestingSigma,
            double adoptionDriftPerYear,
            double adoptionCeiling,
            double costTrendPerYear,
            double aiReferencePriceEurPerGpuHour,
            String marginalCosts,
            double buildCapexPerUnit,
            double chipCapexPerUnit) {
        public MarketSettings {
            if (marginalCosts == null || !(marginalCosts.equals("fromPrices") || marginalCosts.equals("configured"))) {
                throw new IllegalArgumentException("marginalCosts: must be fromPrices or configured, was '"
                        + marginalCosts + "'");
            }
            Check.positive("initialRevenueEurBnPerQuarter", initialRevenueEurBnPerQuarter);
            Check.range("nestingSigma", nestingSigma, 0, 0.95);
            Check.nonNegative("adoptionDriftPerYear", adoptionDriftPerYear);
            if (!(adoptionCeiling > 0 && adoptionCeiling <= 1)) {
                throw new IllegalArgumentException("adoptionCeiling: must be in (0, 1], was " + adoptionCeiling);
            }
            Check.nonNegative("buildCapexPerUnit", buildCapexPerUnit);
            Check.nonNegative("chipCapexPerUnit", chipCapexPerUnit);
            Check.finite("costTrendPerYear", costTrendPerYear);
            if (costTrendPerYear <= -1) {
                throw new IllegalArgumentException("costTrendPerYear: must be > -1, was " + costTrendPerYear);
            }
            Check.positive("aiReferencePriceEurPerGpuHour", aiReferencePriceEurPerGpuHour);
        }

        public boolean invertCosts() {
            return marginalCosts.equals("fromPrices");
        }
    }

    /**
     * An export-control rule on one chip tier for buyers headquartered in one jurisdiction.
     *
     * @param tier               chip tier id
     * @param targetOrigin       headquarters jurisdiction the rule applies to (entities HQ'd there, worldwide)
     * @param licenceProbability probability that an order is licensed, in [0, 1] (0 = banned, 1 = free)
     * @param levy               revenue levy on licensed chips, as a share of the chip price, in [0, 1]
     */
    public record ExportRule(String tier, Origin targetOrigin, double licenceProbability, double levy) {
        public ExportRule {
            Check.required("tier", tier);
            Check.required("targetOrigin", targetOrigin);
            Check.range("licenceProbability", licenceProbability, 0, 1);
            Check.range("levy", levy, 0, 1);
        }
    }

    /**
     * Investment screening of greenfield builds by providers from the listed origins.
     *
     * @param origins              headquarters jurisdictions whose greenfield builds are screened
     * @param reviewQuarters       quarters from filing to decision, >= 0
     * @param approveProbability   probability of approval without conditions
     * @param conditionProbability probability of approval with conditions (the rest is blocked)
     * @param conditionCostPremium extra marginal cost on capacity approved with conditions, >= 0
     */
    public record ScreeningParams(
            List<Origin> origins,
            int reviewQuarters,
            double approveProbability,
            double conditionProbability,
            double conditionCostPremium) {
        public ScreeningParams {
            origins = origins == null ? List.of() : List.copyOf(origins);
            Check.atLeast("reviewQuarters", reviewQuarters, 0);
            Check.range("approveProbability", approveProbability, 0, 1);
            Check.range("conditionProbability", conditionProbability, 0, 1);
            if (approveProbability + conditionProbability > 1 + 1e-9) {
                throw new IllegalArgumentException("approveProbability + conditionProbability: must be <= 1, was "
                        + (approveProbability + conditionProbability));
            }
            Check.nonNegative("conditionCostPremium", conditionCostPremium);
        }
    }
}
