package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.engine.Scheduler;
import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.engine.random.SplitMix64;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.StructuralParams;
import java.util.Arrays;
import java.util.List;

/**
 * The European cloud market: providers, buyer agents and the regulatory and chip-supply state, driven by the event
 * engine. One instance is one run (one seed, one replication); it is single-threaded and owns all its random streams.
 * This class wires the market's parts together and tells the quarter's story; each part lives in its own class.
 *
 * <p>Each quarter k runs, in engine order ({@link Phase}): dated and stochastic scenario events at their times
 * (EXOGENOUS); capacity and chip deliveries and screening reviews (SUPPLY); the start of the quarter and price
 * setting by each provider's rule against its expected demand (PRICING, at k); contract renewals of individual buyers
 * spread over the quarter (DEMAND); and at the end of the quarter the accounts and investment decisions (CLEARING)
 * and the snapshot for the recorders (RECORD). The model equations are documented in the README's model section.
 */
public final class Market {
    /** Time within a quarter of its accounts and recording: after every renewal (offsets are below 0.99). */
    private static final double QUARTER_END = 0.9999;

    private final MarketParams params;
    private final QuarterClock clock;
    private final Scheduler scheduler;
    private final Recorder recorder;
    private final Roster roster;
    private final QuarterState quarter = new QuarterState();
    private final ProviderState providers;
    private final Capacity capacity;
    private final SegmentState segments;
    private final ContractBook book;
    private final AdoptionDrift adoption;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final BuyerDecision decision;
    private final Renewals renewals;
    private final CostModel costs;
    private final CapacityPlanner planner;
    private final PriceSetting prices;
    private final QuarterlyAccounts accounts;
    private final Elasticities elasticities;
    private final EventEffects controls;
    private final ExogenousEvents exogenous;
    private final MarketView view;
    private final StructuralEstimates estimates;
    private QuarterSnapshot lastSnapshot;

    private final EventHandler quarterStartHandler = (s, k) -> quarterStart(k);
    private final EventHandler quarterEndHandler = (s, k) -> quarterEnd(k);
    private final EventHandler recordHandler = (s, k) -> record();

    public Market(MarketParams params, List<ScheduledEvent> scenarioEvents, long seed, int replication,
            Recorder recorder) {
        this(params, scenarioEvents, List.of(), seed, replication, recorder);
    }

    /**
     * Builds the market of {@code params} for one replication of a seed: draws the buyers, calibrates qualities to
     * the configured shares, signs the initial contracts, sizes capacity, and schedules the horizon's quarters and
     * the scenario's events.
     */
    public Market(MarketParams params, List<ScheduledEvent> scenarioEvents, List<StochasticEvent> stochasticEvents,
            long seed, int replication, Recorder recorder) {
        this.params = params;
        this.clock = QuarterClock.startingAt(params.startQuarter());
        this.scheduler = new Scheduler();
        this.recorder = recorder == null ? Recorder.NONE : recorder;
        RandomStreams streams = new RandomStreams(seed, replication);
        int horizon = params.quarters();

        roster = new Roster(params);
        NestedLogit logit = new NestedLogit(roster.nestOf(), Origin.values().length,
                params.settings().nestingSigma());
        providers = new ProviderState(roster);
        capacity = new Capacity(roster);
        Regulation regulation = new Regulation(roster, params);
        segments = new SegmentState(roster);
        book = new ContractBook(roster, segments);
        adoption = new AdoptionDrift(roster, params.settings().adoptionDriftPerYear(),
                params.settings().adoptionCeiling());
        tables = new UtilityTables(roster, providers, capacity, segments, quarter, scheduler, adoption);
        choiceSets = new ChoiceSets(roster, regulation, providers, logit);
        Buyers buyers = BuyerPopulation.draw(params, roster, streams.key(DrawSlots.ATTRIBUTE_STREAM, 0));
        decision = new BuyerDecision(roster, buyers, providers, tables, segments, book, capacity, choiceSets, logit,
                adoption, streams.key(DrawSlots.CHOICE_STREAM, 0), streams.key(DrawSlots.INITIAL_CHOICE_STREAM, 0));
        Welfare welfare = new Welfare(roster, buyers, providers, segments, tables, choiceSets, logit, quarter, book);
        renewals = new Renewals(roster, buyers, decision, book, providers, tables, quarter, scheduler, welfare);
        costs = new CostModel(roster, providers, capacity, regulation, quarter, params.settings().buildCapexPerUnit(),
                params.settings().chipCapexPerUnit());
        OrderBook orders = new OrderBook(scheduler, horizon, capacity, regulation, choiceSets, tables, quarter);
        ScreeningReview screening = new ScreeningReview(roster, params.screening(), regulation, orders, scheduler,
                providerStreams(streams, "screening"));
        ChipProcurement chips = new ChipProcurement(roster, capacity, regulation, costs, orders,
                providerStreams(streams, "export-licence"));
        planner = new CapacityPlanner(roster, horizon, capacity, book, regulation, costs, orders, screening, chips);

        choiceSets.refresh(quarter.index());
        StructuralParams fixed = params.fixedStructure();
        estimates = fixed != null ? StructuralEstimates.of(fixed, roster)
                : new StructuralEstimates(roster.nP, roster.nG);
        if (fixed != null) {
            signInitialContractsUnder(estimates, buyers, logit);
        } else {
            calibrateAndSignInitialContracts(buyers, logit);
        }
        adoption.start(buyers);
        DemandModel demand = new DemandModel(roster, buyers, segments, tables, choiceSets, logit, providers, book,
                capacity, quarter, renewals);
        if (fixed != null) {
            estimates.applyCosts(providers);
        } else if (params.settings().invertCosts()) {
            tables.invalidate();
            tables.refresh();
            costs.invertMarginalCosts(demand.implicitMarkups());
            estimates.captureCosts(providers);
        }
        prices = new PriceSetting(roster, providers, costs, demand, quarter);
        accounts = new QuarterlyAccounts(roster, clock, buyers, providers, costs, capacity, book, segments, demand,
                welfare);
        elasticities = new Elasticities(roster, buyers, renewals, providers, segments, tables, choiceSets, logit,
                quarter);
        controls = new EventEffects(roster, horizon, providers, capacity, regulation, segments, book, tables,
                choiceSets, planner, screening, quarter, scheduler);
        exogenous = new ExogenousEvents(scenarioEvents, stochasticEvents, streams, controls, tables, choiceSets,
                quarter, scheduler, clock, this.recorder, horizon);
        view = new MarketView(roster, buyers, providers, capacity, regulation, segments, book, tables, choiceSets,
                logit, orders, costs, quarter);
        scheduleQuarters(horizon);
        exogenous.scheduleAll();
    }

    /** One stream per provider, keyed by the provider's id. */
    private RandomStream[] providerStreams(RandomStreams streams, String name) {
        RandomStream[] out = new RandomStream[roster.nP];
        for (int j = 0; j < roster.nP; j++) {
            out[j] = streams.open(name, SplitMix64.hash(roster.providerId(j)));
        }
        return out;
    }

    /**
     * Calibrates qualities to the installed-base shares, lets every buyer choose under them (the initial customers,
     * post-stratified to the calibrated expected shares, which equal the targets to the calibration's tolerance),
     * sizes capacity to the resulting loads, and recalibrates to the flow shares that drive the dynamics if they
     * differ ({@link QualityCalibration}). The solved values are recorded as this run's estimates.
     */
    private void calibrateAndSignInitialContracts(Buyers buyers, NestedLogit logit) {
        double[] stock = new double[roster.nP];
        double[] flow = new double[roster.nP];
        for (int j = 0; j < roster.nP; j++) {
            stock[j] = roster.pp[j].initialShare();
            flow[j] = roster.pp[j].effectiveFlowShare();
        }
        QualityCalibration calibration = new QualityCalibration(roster, buyers, providers, segments, tables,
                choiceSets, logit);
        calibration.calibrate(stock);
        estimates.captureInitial(providers, segments);
        double[] shares = calibration.expectedRevenueShares();
        double revenue = params.settings().initialRevenueEurBnPerQuarter();
        estimates.captureMarketScale(revenue, calibration.expectedRevenuePerWorkload());
        renewals.signInitialContracts(revenue, shares);
        planner.sizeToInitialLoads();
        if (!Arrays.equals(stock, flow)) {
            calibration.calibrate(flow);
        }
        estimates.captureFlow(providers, segments);
    }

    /**
     * The same steps with the structural parameters given rather than solved: the initial customers choose under the
     * initial qualities and outside utilities, capacity is sized to their loads, and the flow ones take over. The
     * installed base is post-stratified to the shares the given parameters imply under this scenario's choice sets
     * ({@link QualityCalibration#expectedRevenueShares}), not to the configured shares: a scenario that widens a
     * provider's availability from the start starts it with the larger installed base the model implies. For the
     * same reason the initial cloud revenue is the estimated market scale times the expected revenue per unit of
     * workload under this scenario's choice sets, not the revenue target: wider availability draws more workloads
     * into the cloud.
     */
    private void signInitialContractsUnder(StructuralEstimates given, Buyers buyers, NestedLogit logit) {
        given.applyInitial(providers, segments);
        QualityCalibration expected = new QualityCalibration(roster, buyers, providers, segments, tables,
                choiceSets, logit);
        double[] shares = expected.expectedRevenueShares();
        double revenue = given.initialRevenue(expected.expectedRevenuePerWorkload(),
                params.settings().initialRevenueEurBnPerQuarter());
        renewals.signInitialContracts(revenue, shares);
        planner.sizeToInitialLoads();
        given.applyFlow(providers, segments);
        tables.invalidate();
    }

    /** Each quarter's start (price setting), end (accounts and investment) and recording. */
    private void scheduleQuarters(int quarters) {
        for (int k = 0; k < quarters; k++) {
            scheduler.schedule(k, Phase.PRICING, quarterStartHandler, k);
            scheduler.schedule(k + QUARTER_END, Phase.CLEARING, quarterEndHandler, k);
            scheduler.schedule(k + QUARTER_END, Phase.RECORD, recordHandler, k);
        }
        // Renewals are not scheduled here: each quarter's start schedules its first one (Renewals.scheduleNext).
    }

    /** Runs the whole horizon. */
    public void run() {
        scheduler.runUntil(params.quarters());
    }

    public QuarterClock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public QuarterSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    public MarketParams params() {
        return params;
    }

    /** A read-only view of the state, for tests and debugging. */
    public MarketView view() {
        return view;
    }

    /**
     * The structural parameters this run used (solved from the targets, or as given), as config parameters with the
     * given provenance: what {@code estimates.yaml} records.
     */
    public StructuralParams estimates(StructuralParams.Provenance provenance) {
        return estimates.toParams(roster, provenance);
    }

    /** The controls scenario events act through. */
    public MarketControls controls() {
        return controls;
    }

    /** The buyers' decision, for the decision benchmark (src/jmh). */
    BuyerDecision decision() {
        return decision;
    }

    // =====================================================================================================
    // The quarter
    // =====================================================================================================

    /**
     * The start of quarter k: the technology and growth indices move on, capacity depreciates, loads and choice sets
     * follow, providers set their prices for the quarter's renewals, the elasticities of the renewals' demand at those
     * prices are measured if the recorder wants them, and the first renewal is scheduled.
     */
    private void quarterStart(int k) {
        quarter.start(k, params.settings().costTrendPerYear());
        segments.startQuarter(quarter.years());
        if (k > 0) {
            depreciateCapacity();
        }
        book.recomputeLoads();
        choiceSets.refresh(k);
        tables.invalidate();
        tables.refresh();
        renewals.listDue();
        prices.setPrices(k);
        tables.invalidate();
        if (recorder.wantsElasticities()) {
            elasticities.measure();
        }
        renewals.scheduleNext();
    }

    private void depreciateCapacity() {
        for (int j = 0; j < roster.nP; j++) {
            capacity.depreciate(j, 1 - roster.pp[j].investment().depreciationPerQuarter());
        }
    }

    /** The end of quarter k: its accounts, then the providers' investment decisions. */
    private void quarterEnd(int k) {
        tables.refresh();
        lastSnapshot = accounts.snapshot(k, elasticities.latest());
        planner.invest();
    }

    /** The quarter's accounts go to the recorder, and the quarter's flows, deliveries and rationing start afresh. */
    private void record() {
        recorder.onQuarter(lastSnapshot);
        book.clearQuarter();
        capacity.clearQuarter();
    }
}
