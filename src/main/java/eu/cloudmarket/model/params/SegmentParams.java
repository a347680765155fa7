package eu.cloudmarket.model.params;

/**
 * A buyer segment (public sector, regulated industries, large enterprises, SMEs, AI labs). Buyers are drawn from
 * segments with the given weights; each buyer's own tastes scatter around the segment means.
 *
 * @param weight                 share of buyers (and of workload) in this segment, in [0, 1]; weights sum to 1
 * @param alpha                  mean price sensitivity α (utility per unit of price index), > 0
 * @param alphaDispersion        standard deviation of log α across buyers, >= 0 (0 = identical buyers)
 * @param betaUs                 sovereignty aversion toward US jurisdiction (utility), >= 0
 * @param betaCn                 sovereignty aversion toward CN jurisdiction (utility), >= 0
 * @param gammaAi                weight on AI quality per unit of AI share (utility), >= 0
 * @param aiShare                share of the workload that is AI/GPU compute, in [0, 1]
 * @param switchingTech          technical part κ_tech of the switching cost (utility), >= 0
 * @param switchingEgress        egress part κ_egress at full egress fees for a buyer of average data intensity, >= 0
 * @param switchingDispersion    standard deviation of log κ across buyers, >= 0
 * @param contractQuarters       contract length (and, for buyers on premises, review cycle) in quarters, >= 1
 * @param cloudAdoption          share of the segment's workload in the cloud at the start, in (0, 1)
 * @param workloadGrowthPerYear  growth of each buyer's workload per year, > -1
 * @param spendDispersion        standard deviation of log workload across buyers, >= 0
 * @param licensingExposure      share of the workload exposed to software-licensing wedges (Windows/SQL), in [0, 1]
 */
public record SegmentParams(
        double weight,
        double alpha,
        double alphaDispersion,
        double betaUs,
        double betaCn,
        double gammaAi,
        double aiShare,
        double switchingTech,
        double switchingEgress,
        double switchingDispersion,
        int contractQuarters,
        double cloudAdoption,
        double workloadGrowthPerYear,
        double spendDispersion,
        double licensingExposure) {
    public SegmentParams {
        Check.range("weight", weight, 0, 1);
        Check.positive("alpha", alpha);
        Check.range("alphaDispersion", alphaDispersion, 0, 3);
        Check.nonNegative("betaUs", betaUs);
        Check.nonNegative("betaCn", betaCn);
        Check.nonNegative("gammaAi", gammaAi);
        Check.range("aiShare", aiShare, 0, 1);
        Check.nonNegative("switchingTech", switchingTech);
        Check.nonNegative("switchingEgress", switchingEgress);
        Check.range("switchingDispersion", switchingDispersion, 0, 3);
        Check.atLeast("contractQuarters", contractQuarters, 1);
        Check.range("cloudAdoption", cloudAdoption, 1e-6, 1 - 1e-6);
        Check.finite("workloadGrowthPerYear", workloadGrowthPerYear);
        if (workloadGrowthPerYear <= -1) {
            throw new IllegalArgumentException("workloadGrowthPerYear: must be > -1, was " + workloadGrowthPerYear);
        }
        Check.range("spendDispersion", spendDispersion, 0, 3);
        Check.range("licensingExposure", licensingExposure, 0, 1);
    }
}
