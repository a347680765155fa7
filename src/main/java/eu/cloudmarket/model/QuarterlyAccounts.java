package eu.cloudmarket.model;

import eu.cloudmarket.engine.QuarterClock;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarter's accounts, for the recorders: by provider, prices, costs, revenue, share, customers, capacity, loads,
 * profit, shadow prices, deliveries, switching flows and rationing; by segment, revenue shares, cloud share and
 * consumer surplus; and the elasticities of the quarter's demand.
 */
final class QuarterlyAccounts {
    private final Roster roster;
    private final QuarterClock clock;
    private final Buyers buyers;
    private final ProviderState providers;
    private final CostModel costs;
    private final Capacity capacity;
    private final ContractBook book;
    private final SegmentState segments;
    private final DemandModel demand;
    private final Welfare welfare;

    QuarterlyAccounts(Roster roster, QuarterClock clock, Buyers buyers, ProviderState providers, CostModel costs,
            Capacity capacity, ContractBook book, SegmentState segments, DemandModel demand, Welfare welfare) {
        this.welfare = welfare;
        this.roster = roster;
        this.clock = clock;
        this.buyers = buyers;
        this.providers = providers;
        this.costs = costs;
        this.capacity = capacity;
        this.book = book;
        this.segments = segments;
        this.demand = demand;
    }

    /**
     * The accounts of quarter k as they stand (the utility tables must be fresh for consumer surplus), with the
     * elasticities measured at the quarter's start.
     */
    QuarterSnapshot snapshot(int k, PriceElasticities elasticities) {
        int nP = roster.nP;
        double[] revG = new double[nP];
        double[] revA = new double[nP];
        double total = 0;
        for (int j = 0; j < nP; j++) {
            for (int g = 0; g < roster.nG; g++) {
                revG[j] += book.sumQpGen[j][g] * segments.genPerWorkload(g);
                revA[j] += book.sumQpAi[j][g] * segments.aiPerWorkload(g);
            }
            total += revG[j] + revA[j];
        }
        List<ProviderQuarter> rows = new ArrayList<>(nP);
        for (int j = 0; j < nP; j++) {
            rows.add(providerRow(j, revG[j], revA[j], total));
        }
        double[][] segShares = new double[roster.nG][nP];
        double[] cloudShare = new double[roster.nG];
        segmentShares(segShares, cloudShare);
        ConsumerWelfare cs = welfare.measure();
        int inCloudBuyers = 0;
        for (int j = 0; j < nP; j++) {
            inCloudBuyers += book.customers(j);
        }
        return new QuarterSnapshot(k, clock.label(k), rows, segShares, cloudShare, cs, book.flows, inCloudBuyers,
                buyers.n - inCloudBuyers, elasticities);
    }

    private ProviderQuarter providerRow(int j, double revG, double revA, double total) {
        double cg = costs.costGen(j);
        double ca = costs.costAi(j);
        double profit = revG + revA - cg * book.loadGen[j] - ca * book.loadAi[j];
        int in = 0;
        int out = 0;
        for (int x = 0; x <= roster.nP; x++) {
            in += x == j ? 0 : book.flows[x][j];
            out += x == j ? 0 : book.flows[j][x];
        }
        return new ProviderQuarter(roster.providerId(j), providers.priceGen[j], providers.priceAi[j], cg, ca, revG,
                revA, total > 0 ? (revG + revA) / total : 0, book.customers(j), capacity.capGen[j],
                capacity.capAi(j), book.loadGen[j], book.loadAi[j], profit, costs.capitalCost(j),
                providers.shadowGen[j],
                providers.shadowAi[j], capacity.deliveredThisQuarter[j], capacity.fleet[j], in, out,
                book.rationed[j]);
    }

    /** Each segment's revenue shares by provider, and its cloud share of base workload. */
    private void segmentShares(double[][] segShares, double[] cloudShare) {
        for (int g = 0; g < roster.nG; g++) {
            double segRev = 0;
            double inCloud = 0;
            for (int j = 0; j < roster.nP; j++) {
                double r = book.sumQpGen[j][g] * segments.genPerWorkload(g)
                        + book.sumQpAi[j][g] * segments.aiPerWorkload(g);
                segShares[g][j] = r;
                segRev += r;
                inCloud += book.sumQ[j][g];
            }
            double onPrem = demand.onPremisesWorkload(g);
            for (int j = 0; j < roster.nP; j++) {
                segShares[g][j] = segRev > 0 ? segShares[g][j] / segRev : 0;
            }
            cloudShare[g] = inCloud + onPrem > 0 ? inCloud / (inCloud + onPrem) : 0;
        }
    }
}
