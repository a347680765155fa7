package eu.cloudmarket.model;

import eu.cloudmarket.model.params.StructuralParams;
import eu.cloudmarket.model.params.StructuralParams.ProviderEstimates;
import eu.cloudmarket.model.params.StructuralParams.SegmentEstimates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structural parameters a run used: provider qualities and segment outside utilities under which the initial
 * customers chose and which then drive the dynamics, and the providers' base marginal costs when they were inverted
 * from prices. Either solved from the targets at the start of the run ({@link QualityCalibration},
 * {@link CostModel#invertMarginalCosts}) or given ({@link StructuralParams} with {@code use: estimates}), in which
 * case the run reproduces the estimating run's choices exactly when it has the same seed and replication.
 */
final class StructuralEstimates {
    final double[] initialQuality;
    final double[] quality;
    final double[] initialOutside;
    final double[] outside;
    /** Base marginal costs, or null when they were configured rather than inverted. */
    double[] costGen;
    double[] costAi;
    /** Initial cloud revenue per unit of expected revenue per unit of workload ({@link StructuralParams#marketScale}). */
    double marketScale = Double.NaN;

    StructuralEstimates(int nP, int nG) {
        initialQuality = new double[nP];
        quality = new double[nP];
        initialOutside = new double[nG];
        outside = new double[nG];
    }

    /** The estimates given in {@code s}, in roster order (the config rules make sure every entity has them). */
    static StructuralEstimates of(StructuralParams s, Roster roster) {
        StructuralEstimates e = new StructuralEstimates(roster.nP, roster.nG);
        boolean costs = false;
        for (int j = 0; j < roster.nP; j++) {
            ProviderEstimates p = s.providers().get(roster.providerId(j));
            e.initialQuality[j] = p.initialQuality();
            e.quality[j] = p.quality();
            costs |= p.hasCosts();
        }
        if (costs) {
            e.costGen = new double[roster.nP];
            e.costAi = new double[roster.nP];
            for (int j = 0; j < roster.nP; j++) {
                ProviderEstimates p = s.providers().get(roster.providerId(j));
                e.costGen[j] = p.generalCost();
                e.costAi[j] = p.aiCost();
            }
        }
        for (int g = 0; g < roster.nG; g++) {
            SegmentEstimates sg = s.segments().get(roster.segmentId(g));
            e.initialOutside[g] = sg.initialOutsideUtility();
            e.outside[g] = sg.outsideUtility();
        }
        e.marketScale = s.marketScale() == null ? Double.NaN : s.marketScale();
        return e;
    }

    /** Records the qualities and outside utilities in force now as the initial ones. */
    void captureInitial(ProviderState providers, SegmentState segments) {
        System.arraycopy(providers.delta, 0, initialQuality, 0, initialQuality.length);
        System.arraycopy(segments.deltaOutside, 0, initialOutside, 0, initialOutside.length);
    }

    /** Records the qualities and outside utilities in force now as the ones that drive the dynamics. */
    void captureFlow(ProviderState providers, SegmentState segments) {
        System.arraycopy(providers.delta, 0, quality, 0, quality.length);
        System.arraycopy(segments.deltaOutside, 0, outside, 0, outside.length);
    }

    /** Records the market's scale: the initial revenue it was given over the expected revenue per unit of workload. */
    void captureMarketScale(double initialRevenue, double revenuePerWorkload) {
        marketScale = initialRevenue / revenuePerWorkload;
    }

    /**
     * The initial cloud revenue of a market whose buyers are expected to spend {@code revenuePerWorkload} per unit of
     * workload: the scale times that depth, or {@code target} when no scale was given.
     */
    double initialRevenue(double revenuePerWorkload, double target) {
        return Double.isNaN(marketScale) ? target : marketScale * revenuePerWorkload;
    }

    /** Records the base marginal costs in force now (after they were inverted from prices). */
    void captureCosts(ProviderState providers) {
        costGen = providers.baseCostGen.clone();
        costAi = providers.baseCostAi.clone();
    }

    void applyInitial(ProviderState providers, SegmentState segments) {
        System.arraycopy(initialQuality, 0, providers.delta, 0, initialQuality.length);
        System.arraycopy(initialOutside, 0, segments.deltaOutside, 0, initialOutside.length);
    }

    void applyFlow(ProviderState providers, SegmentState segments) {
        System.arraycopy(quality, 0, providers.delta, 0, quality.length);
        System.arraycopy(outside, 0, segments.deltaOutside, 0, outside.length);
    }

    void applyCosts(ProviderState providers) {
        if (costGen != null) {
            System.arraycopy(costGen, 0, providers.baseCostGen, 0, costGen.length);
            System.arraycopy(costAi, 0, providers.baseCostAi, 0, costAi.length);
        }
    }

    /** These estimates as config parameters ({@code use: estimates}) with the given provenance. */
    StructuralParams toParams(Roster roster, StructuralParams.Provenance provenance) {
        Map<String, ProviderEstimates> ps = new LinkedHashMap<>();
        for (int j = 0; j < roster.nP; j++) {
            ps.put(roster.providerId(j), new ProviderEstimates(initialQuality[j], quality[j],
                    costGen == null ? null : costGen[j], costAi == null ? null : costAi[j]));
        }
        Map<String, SegmentEstimates> gs = new LinkedHashMap<>();
        for (int g = 0; g < roster.nG; g++) {
            gs.put(roster.segmentId(g), new SegmentEstimates(initialOutside[g], outside[g]));
        }
        return new StructuralParams(StructuralParams.USE_ESTIMATES, provenance, ps, gs,
                Double.isNaN(marketScale) ? null : marketScale);
    }
}
