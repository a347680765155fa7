package eu.cloudmarket.model;

import java.util.List;

/**
 * The market at the end of one quarter.
 *
 * @param quarter          quarter index from the start
 * @param label            quarter label, e.g. 2025Q3
 * @param providers        per-provider results, in configured order
 * @param segmentShares    [segment][provider] revenue share within the segment's cloud spend
 * @param segmentCloudShare [segment] share of the segment's workload in the cloud (not on premises)
 * @param welfare          consumer welfare by segment: per-buyer compensating variation at the prices paid, net of
 *                         switching costs paid, and its decomposition since the first quarter ({@link Welfare})
 * @param flows            [from][to] buyers who changed supplier this quarter; index = provider count is "on premises"
 * @param buyersInCloud    buyers with a cloud provider
 * @param buyersOnPremises buyers on the outside option
 * @param elasticities     price elasticities and diversion ratios of the quarter's renewals at its list prices, or null
 *                         when the recorder does not want them ({@link Recorder#wantsElasticities()})
 */
public record QuarterSnapshot(
        int quarter,
        String label,
        List<ProviderQuarter> providers,
        double[][] segmentShares,
        double[] segmentCloudShare,
        ConsumerWelfare welfare,
        int[][] flows,
        int buyersInCloud,
        int buyersOnPremises,
        PriceElasticities elasticities) {

    public QuarterSnapshot {
        providers = List.copyOf(providers);
        segmentShares = deepCopy(segmentShares);
        segmentCloudShare = segmentCloudShare.clone();
        int[][] f = new int[flows.length][];
        for (int i = 0; i < flows.length; i++) {
            f[i] = flows[i].clone();
        }
        flows = f;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** [segment] consumer surplus, EUR bn per quarter ({@link ConsumerWelfare#surplus}). */
    public double[] consumerSurplus() {
        return welfare.surplus();
    }

    public double marketRevenue() {
        double s = 0;
        for (ProviderQuarter p : providers) {
            s += p.revenue();
        }
        return s;
    }
}
