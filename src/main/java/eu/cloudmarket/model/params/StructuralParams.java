package eu.cloudmarket.model.params;

import java.util.Map;

/**
 * The structural parameters the market's calibration solves for, given as values rather than as targets: provider
 * qualities δ_j, each segment's outside-option utility δ_0g and, when costs are inverted from prices, each provider's
 * marginal costs. Written by a run as {@code estimates.yaml}; a config that carries them with
 * {@code use: estimates} holds them fixed, so a scenario changes only what it says it changes (estimate, then
 * simulate). With {@code use: targets} the values are ignored and solved again from the targets (re-estimation, an
 * explicit choice).
 *
 * <p>Two sets of qualities and outside utilities exist because the market is calibrated twice: to the installed-base
 * shares when the initial customers choose ({@code initial*}), then to the flow shares that drive the dynamics.
 *
 * @param use        {@code estimates}: use the values below; {@code targets}: solve them from the targets
 * @param provenance where the values come from (informational; checked for shape only)
 * @param providers  provider id → its estimates
 * @param segments   segment id → its estimates
 * @param marketScale the market's size in money: initial cloud revenue (EUR bn per quarter) per unit of expected
 *                   revenue per unit of buyer workload. Held fixed, a scenario that widens availability from the
 *                   start opens with a larger cloud market rather than one pinned to the revenue target; null in a
 *                   file written before it existed (the initial revenue is then pinned to the target)
 */
public record StructuralParams(
        String use,
        Provenance provenance,
        Map<String, ProviderEstimates> providers,
        Map<String, SegmentEstimates> segments,
        Double marketScale) {

    public static final String USE_ESTIMATES = "estimates";
    public static final String USE_TARGETS = "targets";

    public StructuralParams {
        if (use == null || !(use.equals(USE_ESTIMATES) || use.equals(USE_TARGETS))) {
            throw new IllegalArgumentException("use: must be estimates or targets, was '" + use + "'");
        }
        providers = providers == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
        segments = segments == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
        if (marketScale != null) {
            Check.positive("marketScale", marketScale);
        }
    }

    /** True when the values are held fixed (no calibration to targets in the run). */
    public boolean fixed() {
        return use.equals(USE_ESTIMATES);
    }

    /**
     * One provider's structural parameters.
     *
     * @param initialQuality δ_j under which the initial customers chose (calibrated to the installed base)
     * @param quality        δ_j that drives the dynamics (calibrated to the flow shares)
     * @param generalCost    base marginal cost of general compute at the start, or null when costs are configured
     * @param aiCost         base marginal cost of AI compute at the start, or null when costs are configured
     */
    public record ProviderEstimates(double initialQuality, double quality, Double generalCost, Double aiCost) {
        public ProviderEstimates {
            Check.finite("initialQuality", initialQuality);
            Check.finite("quality", quality);
            if ((generalCost == null) != (aiCost == null)) {
                throw new IllegalArgumentException("generalCost and aiCost: give both or neither");
            }
            if (generalCost != null) {
                Check.positive("generalCost", generalCost);
                Check.positive("aiCost", aiCost);
            }
        }

        public boolean hasCosts() {
            return generalCost != null;
        }
    }

    /**
     * One segment's structural parameters.
     *
     * @param initialOutsideUtility δ_0g under which the initial customers chose
     * @param outsideUtility        δ_0g that drives the dynamics (before the adoption drift)
     */
    public record SegmentEstimates(double initialOutsideUtility, double outsideUtility) {
        public SegmentEstimates {
            Check.finite("initialOutsideUtility", initialOutsideUtility);
            Check.finite("outsideUtility", outsideUtility);
        }
    }

    /**
     * Where estimates come from.
     *
     * @param scenario     name of the scenario whose run solved them
     * @param configSha256 SHA-256 of that run's resolved config (as in its config.yaml) without the structural section:
     *                     the targets and every other parameter they were solved under
     * @param seed         master seed of that run
     * @param replication  replication of that run
     * @param buyers       buyer count of that run (the calibration sample is drawn from its buyers)
     * @param tool         tool and version that solved them
     * @param targets      what they were solved to match
     */
    public record Provenance(String scenario, String configSha256, Long seed, Integer replication, Integer buyers,
            String tool, String targets) {
    }
}
