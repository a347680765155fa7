package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.Scheduler;
import eu.cloudmarket.model.params.SegmentParams;

/**
 * Buyers' contracts: the initial signings, and each quarter the renewals of the contracts that end in it (for buyers
 * on premises, their periodic reviews): the buyer decides ({@link BuyerDecision}), signs at the chosen provider's
 * list prices, and its next renewal is one contract length later.
 */
final class Renewals {
    private final Buyers buyers;
    private final SegmentParams[] sp;
    private final BuyerDecision decision;
    private final ContractBook book;
    private final ProviderState providers;
    private final UtilityTables tables;
    private final QuarterState quarter;
    private final Scheduler scheduler;
    private final Welfare welfare;
    /** Renewals of the current quarter: buyer indices in index order, how many, and the next to schedule. */
    private final int[] dueList;
    private int dueCount;
    private int dueNext;
    private final EventHandler renewalHandler = (s, i) -> renew(i);

    Renewals(Roster roster, Buyers buyers, BuyerDecision decision, ContractBook book, ProviderState providers,
            UtilityTables tables, QuarterState quarter, Scheduler scheduler, Welfare welfare) {
        this.buyers = buyers;
        this.sp = roster.sp;
        this.decision = decision;
        this.book = book;
        this.providers = providers;
        this.tables = tables;
        this.quarter = quarter;
        this.scheduler = scheduler;
        this.welfare = welfare;
        dueList = new int[buyers.n];
    }

    /**
     * Every buyer chooses as if new (on premises, no switching cost), and the workloads are weighted so that each
     * provider's initial revenue is its share (of {@code shares}) of {@code initialRevenue}; then every contract is
     * booked.
     */
    void signInitialContracts(double initialRevenue, double[] shares) {
        tables.refresh();
        Buyers b = buyers;
        for (int i = 0; i < b.n; i++) {
            b.provider[i] = (byte) decision.initialChoice(i);
        }
        double[] weight = revenueWeights(initialRevenue, shares);
        for (int i = 0; i < b.n; i++) {
            int j = b.provider[i];
            b.workload[i] = (float) (b.workload[i] * weight[j]);
            if (j != b.onPremises) {
                b.priceGeneral[i] = (float) providers.priceGen[j];
                b.priceAi[i] = (float) providers.priceAi[j];
            }
            book.book(j, b.segment[i], b.workload[i], b.priceGeneral[i], b.priceAi[i], +1);
        }
    }

    /**
     * Post-stratification of the initial choices: the weight on the workloads of each provider's initial customers
     * that makes its revenue its target share of {@code initialRevenue}, and (last) the weight on the workloads of
     * buyers on premises that makes all cloud revenue {@code initialRevenue}. The targets are the shares the buyers'
     * choice probabilities imply (the expected, not the drawn, installed base; see
     * {@link QualityCalibration#expectedRevenueShares}): the choice draws decide which buyers a provider starts
     * with, the weights that the few heavy-tailed buyers landing on one provider or another do not move its share (without them the
     * European providers' first-quarter share of the 2017 history spreads over 26-31% across seeds at 20,000
     * buyers, for a target of 31.5%). A provider no buyer chose has no revenue, and the others share its target in
     * proportion to theirs.
     */
    private double[] revenueWeights(double initialRevenue, double[] shares) {
        Buyers b = buyers;
        int nP = shares.length;
        double[] rev = new double[nP];
        for (int i = 0; i < b.n; i++) {
            if (b.inCloud(i)) {
                rev[b.provider[i]] += b.workload[i] * tables.blend[b.segment[i]][b.provider[i]];
            }
        }
        double total = 0;
        double chosenShares = 0;
        for (int j = 0; j < nP; j++) {
            total += rev[j];
            chosenShares += rev[j] > 0 ? shares[j] : 0;
        }
        double[] weight = new double[nP + 1];
        for (int j = 0; j < nP; j++) {
            weight[j] = rev[j] > 0 ? initialRevenue * shares[j] / chosenShares / rev[j] : 1.0;
        }
        weight[nP] = total > 0 ? initialRevenue / total : 1.0;
        return weight;
    }

    /**
     * Lists the buyers whose contracts end in the current quarter, in index order: the quarter's renewals, which
     * pricing aggregates ({@link DemandModel#collectRenewals}) and which then run one after another
     * ({@link #scheduleNext}). Renewals move a buyer's next renewal to a later quarter and no other event moves it,
     * so the list stays valid for the whole quarter.
     */
    void listDue() {
        int[] due = buyers.renewQuarter;
        int[] list = dueList;
        int k = quarter.index();
        int count = 0;
        for (int i = 0; i < due.length; i++) {
            list[count] = i;
            count += due[i] == k ? 1 : 0;
        }
        dueCount = count;
        dueNext = 0;
    }

    /** The buyers whose contracts end in the current quarter, in index order: the first {@link #dueCount()}. */
    int[] dueList() {
        return dueList;
    }

    int dueCount() {
        return dueCount;
    }

    /**
     * Schedules the next renewal of the current quarter's list, at the quarter plus the buyer's offset; nothing once
     * the list is done.
     *
     * <p>The renewals of a quarter form a chain: the quarter's start schedules the first, and each renewal schedules
     * the next, so that the event list holds one pending renewal instead of one per buyer. The order is the same as
     * with every renewal scheduled in advance: buyers are stored by renewal offset (ties by id, {@link Buyers}), so
     * the next buyer due in index order is the next due in time. Renewals at exactly the same time (offsets equal
     * after rounding to a float) run in index order; events of other kinds keep their places, as renewals are the
     * only events in their phase. Each renewal is still one event of the scheduler, at its own time.
     */
    void scheduleNext() {
        if (dueNext < dueCount) {
            int i = dueList[dueNext++];
            scheduler.schedule(quarter.index() + buyers.offset[i], Phase.DEMAND, renewalHandler, i);
        }
    }

    /**
     * A buyer's contract renewal (or, on premises, its periodic review): choose, sign, schedule the next one. The
     * buyer's columns are read once, up front: with a million buyers renewing in random order each column is a cache
     * miss, and issuing the loads together lets them overlap.
     */
    private void renew(int i) {
        tables.refresh();
        Buyers b = buyers;
        int k = b.provider[i];
        int g = b.segment[i];
        int c = b.country[i];
        float q = b.workload[i];
        float am = b.alphaMult[i];
        float km = b.kappaMult[i];
        float di = b.dataIntensity[i];
        float oldGen = b.priceGeneral[i];
        float oldAi = b.priceAi[i];
        int now = quarter.index();
        int chosen = decision.choose(b.id[i], k, g, c, q, am, km, di, now);
        if (chosen != k) {
            book.flows[k][chosen]++;
            welfare.recordMove(g, q, am, decision.switchingCost(k, g, km, di));
        }
        book.book(k, g, q, oldGen, oldAi, -1);
        b.provider[i] = (byte) chosen;
        float newGen = oldGen;
        float newAi = oldAi;
        if (chosen != b.onPremises) {
            newGen = (float) providers.priceGen[chosen];
            newAi = (float) providers.priceAi[chosen];
            b.priceGeneral[i] = newGen;
            b.priceAi[i] = newAi;
        }
        book.book(chosen, g, q, newGen, newAi, +1);
        b.renewQuarter[i] = now + sp[g].contractQuarters();
        scheduleNext();
    }
}
