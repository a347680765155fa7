package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.engine.Scheduler;
import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.engine.random.SplitMix64;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.model.params.SegmentParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The European cloud market: providers, buyer agents and the regulatory and chip-supply state, driven by the event
 * engine. One instance is one run (one seed, one replication); it is single-threaded and owns all its random streams.
 *
 * <p>Each quarter k runs, in engine order: dated scenario events at their times (band EXOGENOUS); capacity and chip
 * deliveries (SUPPLY); price setting by each provider's rule against its expected demand (PRICING, at k); contract
 * renewals of individual buyers spread over the quarter (DEMAND); and at the end of the quarter the accounting and
 * investment decisions (CLEARING) and the snapshot for the recorders (RECORD). The model equations are documented in
 * the README's model section.
 */
public final class Market {
    private static final double QUARTER_END = 0.9999;

    private final MarketParams params;
    private final QuarterClock clock;
    private final Scheduler scheduler;
    private final Recorder recorder;
    private final List<ScheduledEvent> scenarioEvents;
    private final List<StochasticEvent> stochasticEvents;
    private final RandomStream[] stochasticStreams;
    private final org.apache.commons.math3.distribution.RealDistribution[] stochasticDists;

    final int nP;
    final int nG;
    final int nC;
    final int nT;
    private final String[] providerIds;
    private final String[] segmentIds;
    private final String[] countryIds;
    private final String[] tierIds;
    private final Map<String, Integer> providerIdx = new HashMap<>();
    private final Map<String, Integer> segmentIdx = new HashMap<>();
    private final Map<String, Integer> countryIdx = new HashMap<>();
    private final Map<String, Integer> tierIdx = new HashMap<>();
    private final ProviderParams[] pp;
    private final SegmentParams[] sp;
    private final ChipTierParams[] tp;
    private final Origin[] origin;
    private final PricingRule[] rules;
    private final NestedLogit logit;

    // ---- random streams
    private final long choiceKey;
    private final long initKey;
    private final RandomStream[] licenceStream;
    private final RandomStream[] screeningStream;

    // ---- provider state
    final double[] delta;
    final double[] priceGen;
    final double[] priceAi;
    private final double[] baseCostGen;
    private final double[] baseCostAi;
    private final double[] costMultGen;
    private final double[] costMultAi;
    final double[] capGen;
    private final double[] premiumUnitsGen;
    private final double[] premiumUnitsAi;
    final double[][] fleet;
    private final double[] fleetCostUnits;
    private final double[] initialFleetCostIndex;
    private final double[] pipelineGen;
    private final double[] pipelineAi;
    final double[] expUs;
    final double[] expCn;
    final double[] egress;
    final double[] wedge;
    final double[] techMult;
    private final int[] holdThrough;
    final double[] shadowGen;
    final double[] shadowAi;
    private final double[] expectedGrowthGen;
    private final double[] expectedGrowthAi;
    private final double[] prevLoadGen;
    private final double[] prevLoadAi;
    private final String[] screeningStanding;
    private final double[][] tierVolume;
    private final double[][] tierPerformance;
    private final double[][] deliveredThisQuarter;
    private final double[] rationed;

    // ---- regulatory state
    private final int[][] excludedUntil;
    /** [country][provider]: the provider has a presence (region, partner capacity) serving that country. */
    private final boolean[][] serves;
    private final boolean[][] incumbentsStay;
    final double[][] licenceProb;
    final double[][] levy;
    final double[] refusal;
    private final List<double[]> shockBeta = new ArrayList<>();
    private final List<double[]> shockMeta = new ArrayList<>(); // {originOrdinal, startTime, halfLife}

    // ---- segment state
    final double[] growthIndex;
    private final double[] growthShock;
    final double[] aiIntensity;
    /** General and AI units per unit of base workload ({@link #genPerWorkload}, {@link #aiPerWorkload}). */
    private final double[] genPer;
    private final double[] aiPer;
    final double[] deltaOutside;

    // ---- buyers and accounting
    final Buyers buyers;
    /** Renewals of the current quarter: buyer indices in index order, how many, and the next to schedule. */
    private final int[] dueList;
    private int dueCount;
    private int dueNext;
    final double[][] sumQ;
    final double[][] sumQpGen;
    final double[][] sumQpAi;
    final int[][] count;
    final double[] loadGen;
    final double[] loadAi;
    final int[][] flows;

    // ---- caches refreshed when state changes
    private boolean dirty = true;
    /**
     * Technology (quality-adjusted cost) index T(t) = (1 + costTrendPerYear)^(k/4) in quarter k. Buyers compare prices
     * deflated by it: α applies to p/T, so technical progress that lowers every price and cost alike does not by
     * itself change choices, and markups scale with the price level (domain.md §1.3, I8).
     */
    private double techIndex = 1.0;
    private int quarter;
    private final double[][] baseU;
    private final double[][] blend;
    private final double[] u0;
    private final double[] betaUsNow;
    private final double[] betaCnNow;
    private final boolean[][] availableByCountry;
    private final double[] aiQualityEff;
    /** capAi(j) as of the last cache refresh (the fleet changes only where the caches are marked dirty). */
    private final double[] capAiNow;

    // ---- scratch
    private final double[] v;
    private final boolean[] avail;
    /** The choice plans of the availability patterns, [country × (current provider or on premises)]. */
    private final NestedLogit.Plan[] plans;

    // ---- orders and deferred actions
    private final List<Order> orders = new ArrayList<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final DemandModel demand;

    private final EventHandler quarterStartHandler = (s, k) -> quarterStart(k);
    private final EventHandler quarterEndHandler = (s, k) -> quarterEnd(k);
    private final EventHandler recordHandler = (s, k) -> record(k);
    private final EventHandler renewalHandler = (s, i) -> renew(i);
    private final EventHandler scenarioHandler = (s, idx) -> fireScenarioEvent(idx);
    private final EventHandler deliveryHandler = (s, idx) -> deliver(idx);
    private final EventHandler reviewHandler = (s, idx) -> review(idx);
    private final EventHandler deferredHandler = (s, idx) -> {
        deferred.get(idx).run();
        dirty = true;
    };

    private QuarterSnapshot lastSnapshot;

    /** A capacity order in the pipeline. */
    private static final class Order {
        final int provider;
        final boolean ai;
        final int tier;
        double amount;
        double premium;
        double costIndex;
        boolean lease;
        int lead;
        boolean awaitingReview;
        boolean done;
        /** Country the capacity opens for the provider on delivery, or -1. */
        int country = -1;

        Order(int provider, boolean ai, int tier, double amount, double premium, double costIndex, boolean lease,
                int lead) {
            this.provider = provider;
            this.ai = ai;
            this.tier = tier;
            this.amount = amount;
            this.premium = premium;
            this.costIndex = costIndex;
            this.lease = lease;
            this.lead = lead;
        }
    }

    public Market(MarketParams params, List<ScheduledEvent> scenarioEvents, long seed, int replication,
            Recorder recorder) {
        this(params, scenarioEvents, List.of(), seed, replication, recorder);
    }

    public Market(MarketParams params, List<ScheduledEvent> scenarioEvents, List<StochasticEvent> stochasticEvents,
            long seed, int replication, Recorder recorder) {
        this.params = params;
        this.clock = QuarterClock.startingAt(params.startQuarter());
        this.scheduler = new Scheduler();
        this.recorder = recorder == null ? Recorder.NONE : recorder;
        this.scenarioEvents = List.copyOf(scenarioEvents);
        RandomStreams streams = new RandomStreams(seed, replication);
        this.stochasticEvents = List.copyOf(stochasticEvents);
        stochasticStreams = new RandomStream[this.stochasticEvents.size()];
        stochasticDists = new org.apache.commons.math3.distribution.RealDistribution[this.stochasticEvents.size()];
        openStochasticStreams(streams);

        nP = params.providers().size();
        nG = params.segments().size();
        nC = params.countries().size();
        nT = params.chipTiers().size();
        if (nP > 100 || nG > 100 || nC > 100) {
            throw new IllegalArgumentException("at most 100 providers, segments and countries are supported");
        }
        providerIds = params.providers().keySet().toArray(new String[0]);
        segmentIds = params.segments().keySet().toArray(new String[0]);
        countryIds = params.countries().keySet().toArray(new String[0]);
        tierIds = params.chipTiers().keySet().toArray(new String[0]);
        indexIds();
        pp = params.providers().values().toArray(new ProviderParams[0]);
        sp = params.segments().values().toArray(new SegmentParams[0]);
        tp = params.chipTiers().values().toArray(new ChipTierParams[0]);
        origin = new Origin[nP];
        rules = new PricingRule[nP];
        logit = new NestedLogit(originsAndRules(), Origin.values().length, params.settings().nestingSigma());

        choiceKey = streams.key("choice", 0);
        initKey = streams.key("initial-choice", 0);
        long attrKey = streams.key("buyer-attributes", 0);
        licenceStream = new RandomStream[nP];
        screeningStream = new RandomStream[nP];
        openProviderStreams(streams);

        delta = new double[nP];
        priceGen = new double[nP];
        priceAi = new double[nP];
        baseCostGen = new double[nP];
        baseCostAi = new double[nP];
        costMultGen = new double[nP];
        costMultAi = new double[nP];
        capGen = new double[nP];
        premiumUnitsGen = new double[nP];
        premiumUnitsAi = new double[nP];
        fleet = new double[nP][nT];
        fleetCostUnits = new double[nP];
        initialFleetCostIndex = new double[nP];
        pipelineGen = new double[nP];
        pipelineAi = new double[nP];
        expUs = new double[nP];
        expCn = new double[nP];
        egress = new double[nP];
        wedge = new double[nP];
        techMult = new double[nP];
        holdThrough = new int[nP];
        shadowGen = new double[nP];
        shadowAi = new double[nP];
        expectedGrowthGen = new double[nP];
        expectedGrowthAi = new double[nP];
        prevLoadGen = new double[nP];
        prevLoadAi = new double[nP];
        screeningStanding = new String[nP];
        tierVolume = new double[nP][nT];
        tierPerformance = new double[nP][nT];
        deliveredThisQuarter = new double[nP][nT];
        rationed = new double[nP];
        initialProviderState();
        excludedUntil = new int[nC][nP];
        serves = new boolean[nC][nP];
        initialServes();
        incumbentsStay = new boolean[nC][nP];
        licenceProb = new double[nT][Origin.values().length];
        levy = new double[nT][Origin.values().length];
        initialExportControls();
        refusal = new double[Origin.values().length];

        growthIndex = new double[nG];
        growthShock = new double[nG];
        aiIntensity = new double[nG];
        deltaOutside = new double[nG];
        java.util.Arrays.fill(growthIndex, 1);
        java.util.Arrays.fill(growthShock, 1);
        java.util.Arrays.fill(aiIntensity, 1);
        genPer = new double[nG];
        aiPer = new double[nG];
        refreshWorkloadUnits();

        sumQ = new double[nP][nG];
        sumQpGen = new double[nP][nG];
        sumQpAi = new double[nP][nG];
        count = new int[nP + 1][nG];
        loadGen = new double[nP];
        loadAi = new double[nP];
        flows = new int[nP + 1][nP + 1];

        baseU = new double[nG][nP];
        blend = new double[nG][nP];
        u0 = new double[nG];
        betaUsNow = new double[nG];
        betaCnNow = new double[nG];
        availableByCountry = new boolean[nC][nP];
        aiQualityEff = new double[nP];
        capAiNow = new double[nP];
        v = new double[nP];
        avail = new boolean[nP];
        plans = new NestedLogit.Plan[nC * (nP + 1)];
        for (int p = 0; p < plans.length; p++) {
            plans[p] = logit.newPlan();
        }

        buyers = new Buyers(params.buyerCount(), nP);
        dueList = new int[params.buyerCount()];
        drawBuyers(attrKey);
        refreshAvailability();
        double[] stock = new double[nP];
        double[] flow = new double[nP];
        initialShares(stock, flow);
        calibrateQualities(stock);
        assignInitialProviders();
        if (!java.util.Arrays.equals(stock, flow)) {
            calibrateQualities(flow);
        }
        calSample = null;
        calCoarse = null;
        calLastTarget = null;
        calLastDerivatives = null;
        calLastF = null;
        demand = new DemandModel(this);
        if (params.settings().invertCosts()) {
            invertMarginalCosts();
        }
        scheduleInitialEvents();
    }

    // =====================================================================================================
    // Initial state
    // =====================================================================================================

    /** One stream and magnitude distribution per stochastic event. */
    private void openStochasticStreams(RandomStreams streams) {
        for (int n = 0; n < stochasticStreams.length; n++) {
            StochasticEvent se = this.stochasticEvents.get(n);
            stochasticStreams[n] = streams.open("stochastic-event", SplitMix64.hash(se.id()));
            stochasticDists[n] = se.distribution() == null ? null : se.distribution().apply(stochasticStreams[n]);
        }
    }

    /** Index of every provider, segment, country and chip tier id. */
    private void indexIds() {
        for (int j = 0; j < nP; j++) {
            providerIdx.put(providerIds[j], j);
        }
        for (int g = 0; g < nG; g++) {
            segmentIdx.put(segmentIds[g], g);
        }
        for (int c = 0; c < nC; c++) {
            countryIdx.put(countryIds[c], c);
        }
        for (int t = 0; t < nT; t++) {
            tierIdx.put(tierIds[t], t);
        }
    }

    /** Fills each provider's origin and pricing rule; returns the nest (origin) of each provider. */
    private int[] originsAndRules() {
        int[] nestOf = new int[nP];
        for (int j = 0; j < nP; j++) {
            origin[j] = pp[j].origin();
            nestOf[j] = origin[j].ordinal();
            rules[j] = PricingRule.of(pp[j].pricing());
        }
        return nestOf;
    }

    /** Each provider's export-licence and screening streams. */
    private void openProviderStreams(RandomStreams streams) {
        for (int j = 0; j < nP; j++) {
            licenceStream[j] = streams.open("export-licence", SplitMix64.hash(providerIds[j]));
            screeningStream[j] = streams.open("screening", SplitMix64.hash(providerIds[j]));
        }
    }

    /** Providers' configured prices, costs, exposures and chip-tier volumes. */
    private void initialProviderState() {
        for (int j = 0; j < nP; j++) {
            priceGen[j] = pp[j].general().price();
            priceAi[j] = pp[j].ai().price();
            baseCostGen[j] = pp[j].general().marginalCost();
            baseCostAi[j] = pp[j].ai().marginalCost();
            costMultGen[j] = 1;
            costMultAi[j] = 1;
            expUs[j] = origin[j] == Origin.US ? 1 : 0;
            expCn[j] = origin[j] == Origin.CN ? 1 : 0;
            egress[j] = pp[j].egressLevel();
            wedge[j] = pp[j].licensingWedge();
            techMult[j] = 1;
            holdThrough[j] = -1;
            for (int t = 0; t < nT; t++) {
                Double vol = tp[t].volumePerQuarter();
                tierVolume[j][t] = vol == null ? Double.POSITIVE_INFINITY : vol;
                tierPerformance[j][t] = tp[t].performance();
            }
        }
    }

    /** Which providers serve which countries at the start. */
    private void initialServes() {
        for (int c = 0; c < nC; c++) {
            for (int j = 0; j < nP; j++) {
                serves[c][j] = pp[j].servesAllCountries() || pp[j].countries().contains(countryIds[c]);
            }
        }
    }

    /** Licence probabilities and levies of the configured export rules (1 and 0 elsewhere). */
    private void initialExportControls() {
        for (double[] row : licenceProb) {
            java.util.Arrays.fill(row, 1.0);
        }
        for (MarketParams.ExportRule r : params.exportControls()) {
            int t = tierIndex(r.tier());
            licenceProb[t][r.targetOrigin().ordinal()] = r.licenceProbability();
            levy[t][r.targetOrigin().ordinal()] = r.levy();
        }
    }

    /** Installed-base and flow shares as configured. */
    private void initialShares(double[] stock, double[] flow) {
        for (int j = 0; j < nP; j++) {
            stock[j] = pp[j].initialShare();
            flow[j] = pp[j].effectiveFlowShare();
        }
    }

    private void drawBuyers(long attrKey) {
        Buyers b = buyers;
        double[] segCum = cumulative(params.segments().values().stream().mapToDouble(SegmentParams::weight).toArray());
        double[] ctyCum = cumulative(params.countries().values().stream().mapToDouble(Double::doubleValue).toArray());
        // Buyer `id` draws its attributes from the streams keyed by id; it is stored at the slot given by the rank of
        // its renewal offset (ties by id), so that the renewals of a quarter, which come in offset order, read the
        // columns front to back instead of at random (Buyers).
        int n = b.n;
        long[] byOffset = new long[n];
        for (int id = 0; id < n; id++) {
            byOffset[id] = (long) Float.floatToIntBits(offset(attrKey, id)) << 32 | id;
        }
        java.util.Arrays.sort(byOffset); // offsets are non-negative floats: their bit patterns sort as the numbers
        for (int i = 0; i < n; i++) {
            int id = (int) byOffset[i];
            // Systematic sampling for segments (exact weights), random for countries and tastes.
            int g = pick(segCum, (id + 0.5) / n);
            int c = pick(ctyCum, RandomStreams.uniform(attrKey, id, 0));
            SegmentParams s = sp[g];
            b.id[i] = id;
            b.segment[i] = (byte) g;
            b.country[i] = (byte) c;
            b.alphaMult[i] = (float) lognormalMeanOne(s.alphaDispersion(), RandomStreams.normal(attrKey, id, 1));
            b.kappaMult[i] = (float) lognormalMeanOne(s.switchingDispersion(), RandomStreams.normal(attrKey, id, 2));
            b.dataIntensity[i] = (float) lognormalMeanOne(0.5, RandomStreams.normal(attrKey, id, 3));
            b.workload[i] = (float) lognormalMeanOne(s.spendDispersion(), RandomStreams.normal(attrKey, id, 4));
            b.offset[i] = offset(attrKey, id);
            b.renewQuarter[i] = (int) Math.floor(RandomStreams.uniform(attrKey, id, 6) * s.contractQuarters());
        }
    }

    /** Buyer id's renewal offset within a quarter, in [0, 0.99). */
    private static float offset(long attrKey, int id) {
        return (float) (0.99 * RandomStreams.uniform(attrKey, id, 5));
    }

    private static double lognormalMeanOne(double sd, double z) {
        return sd == 0 ? 1.0 : Math.exp(sd * z - 0.5 * sd * sd);
    }

    private static double[] cumulative(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double[] c = new double[w.length];
        double run = 0;
        for (int i = 0; i < w.length; i++) {
            run += w[i] / total;
            c[i] = run;
        }
        c[w.length - 1] = 1.0;
        return c;
    }

    private static int pick(double[] cum, double u) {
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return i;
            }
        }
        return cum.length - 1;
    }

    /**
     * Inverts target revenue shares of new workloads into provider qualities δ_j, and each segment's cloud adoption
     * into its outside-option utility δ_0g (Berry 1994 [S73]) on a sample of the actual buyers choosing without
     * switching costs. Called first with the installed-base shares (to draw the initial customers) and then, if they
     * differ, with the flow shares that drive the dynamics.
     *
     * <p>The equations are F_j = log m_j − log t_j (m_j the sample's revenue share, t_j the target) and
     * F_g = logit(adoption_g) − logit(target adoption_g). They fix δ only up to a common constant (shifting every
     * utility, the outside option's included, changes no choice), so the provider with the largest target keeps its
     * δ and its share equation, implied by the others because shares sum to one, is dropped. Newton steps with the
     * analytic Jacobian ({@link CalibrationSample.Derivatives}) and step halving solve the system; a step that still
     * fails after halving, or a singular Jacobian, falls back to Berry's damped contraction δ ← δ − (1−σ)·F.
     * Converged when max |F| &lt; 1e-10, typically in 4 to 6 passes over the sample against 30 to 130 for the
     * contraction alone.
     *
     * <p>The first calibration starts from a solution on an eighth of the sample. The second starts from a Newton
     * step away from the first one's solution, taken with the first one's last Jacobian: only the share targets
     * change (by Δ log t), so F at the old solution is known without a pass, and the step lands closer to the new
     * solution (max |F| about 0.02 in the baseline) than a start on an eighth of the sample would (about 0.18).
     */
    private void calibrateQualities(double[] shares) {
        double shareSum = 0;
        for (double x : shares) {
            shareSum += x;
        }
        double[] target = new double[nP];
        int pinned = 0;
        for (int j = 0; j < nP; j++) {
            target[j] = shares[j] / shareSum;
            if (target[j] > target[pinned]) {
                pinned = j;
            }
        }
        dirty = true;
        refreshCaches();
        // Prices and tastes are fixed while calibrating: the samples' price terms are exponentiated once, for both
        // calibrations (only the workloads change in between, rescaled to the market size).
        if (calSample == null) {
            int step = Math.max(1, buyers.n / 20000);
            calSample = new CalibrationSample(this, buyers, step, blend, availableByCountry, logit);
            if (calSample.size() >= 8000) {
                calCoarse = new CalibrationSample(this, buyers, step * 8, blend, availableByCountry, logit);
            }
        } else {
            calSample.refreshWorkloads(buyers);
            if (calCoarse != null) {
                calCoarse.refreshWorkloads(buyers);
            }
        }
        if (!predictFromLastSolution(target, pinned) && calCoarse != null) {
            // A start within the sampling noise of the solution, found on an eighth of the sample.
            solveQualities(calCoarse, target, pinned, 1e-2, 50);
        }
        solveQualities(calSample, target, pinned, 1e-10, 500);
        calLastTarget = target;
        dirty = true;
    }

    /**
     * After a calibration on the full sample, moves θ by the Newton step for new share targets from that solution
     * (see {@link #calibrateQualities}); returns false, changing nothing, if there is no previous solution or the
     * step is not usable.
     */
    private boolean predictFromLastSolution(double[] target, int pinned) {
        if (calLastTarget == null || calLastDerivatives == null) {
            return false;
        }
        int dim = nP + nG;
        double[] f = calLastF.clone();
        for (int j = 0; j < nP; j++) {
            f[j] += Math.log(calLastTarget[j] / target[j]);
        }
        double[] step = newtonStep(calLastDerivatives, f, pinned);
        if (step == null) {
            return false;
        }
        double[] theta = new double[dim];
        packTheta(theta);
        for (int k = 0; k < dim; k++) {
            theta[k] += step[k];
        }
        unpackTheta(theta);
        return true;
    }

    /** The calibration samples while the market is built (null afterwards). */
    private CalibrationSample calSample;
    private CalibrationSample calCoarse;
    /** The last full-sample calibration: its targets, last derivatives and residuals (null afterwards). */
    private double[] calLastTarget;
    private CalibrationSample.Derivatives calLastDerivatives;
    private double[] calLastF;

    /** Newton iterations (see {@link #calibrateQualities}) on {@code sample} until max |F| &lt; {@code tol}. */
    private void solveQualities(CalibrationSample sample, double[] target, int pinned, double tol, int maxPasses) {
        int dim = nP + nG;
        CalibrationSample.Derivatives d = new CalibrationSample.Derivatives(nP, nG);
        double[] theta = new double[dim];
        double[] base = new double[dim];
        double[] f = new double[dim];
        double[] baseF = new double[dim];
        double[] newton = null;
        double baseErr = Double.POSITIVE_INFINITY;
        double lambda = 1;
        double lastErr = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < maxPasses; pass++) {
            // Close to the solution the Jacobian barely moves: once the residuals are below 1e-3, reuse the last
            // one (chord steps, converging by that factor per pass) and save the derivative terms of the pass.
            double err = calibrationResiduals(sample, lastErr > 1e-3 ? d : null, target, f);
            lastErr = err;
            if (err < tol) {
                break;
            }
            packTheta(theta);
            if (newton != null && !(err < baseErr)) {
                // The last Newton step did not reduce the residuals: halve it, or fall back to a contraction step.
                lambda /= 2;
                if (lambda >= 1.0 / 64) {
                    for (int k = 0; k < dim; k++) {
                        theta[k] = base[k] + lambda * newton[k];
                    }
                } else {
                    System.arraycopy(base, 0, theta, 0, dim);
                    contractionStep(theta, baseF);
                    newton = null;
                    baseErr = Double.POSITIVE_INFINITY;
                }
                unpackTheta(theta);
                continue;
            }
            System.arraycopy(theta, 0, base, 0, dim);
            System.arraycopy(f, 0, baseF, 0, dim);
            baseErr = err;
            lambda = 1;
            newton = newtonStep(d, f, pinned);
            if (newton == null) {
                contractionStep(theta, f);
                baseErr = Double.POSITIVE_INFINITY;
            } else {
                for (int k = 0; k < dim; k++) {
                    theta[k] += newton[k];
                }
            }
            unpackTheta(theta);
        }
        calLastDerivatives = d;
        calLastF = f;
    }

    /**
     * Berry's contraction: a provider's δ rises by (1−σ)·log(target/model share); a segment's outside utility rises
     * with the log-odds by which its cloud adoption exceeds the target.
     */
    private void contractionStep(double[] theta, double[] f) {
        double damp = 1 - logit.sigma();
        for (int k = 0; k < theta.length; k++) {
            theta[k] += k < nP ? -damp * f[k] : damp * f[k];
        }
    }

    /**
     * Solves a·x = b by Gaussian elimination with partial pivoting (a and b are overwritten); null if a pivot is
     * below 1e-12 times the largest entry of a, i.e. a is singular for the purpose of a Newton step. The systems here
     * have one row per provider and segment, so a dense elimination is all that is needed.
     */
    static double[] solveLinear(double[][] a, double[] b) {
        int n = b.length;
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return null;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-12 * scale)) {
                return null;
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                if (factor == 0) {
                    continue;
                }
                for (int c = col; c < n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    /** Qualities then outside utilities as one vector. */
    private void packTheta(double[] theta) {
        System.arraycopy(delta, 0, theta, 0, nP);
        System.arraycopy(deltaOutside, 0, theta, nP, nG);
    }

    private void unpackTheta(double[] theta) {
        System.arraycopy(theta, 0, delta, 0, nP);
        System.arraycopy(theta, nP, deltaOutside, 0, nG);
        dirty = true;
    }

    /** Scratch of {@link #calibrationResiduals}: revenue (and its total), cloud and total workload of the last pass. */
    private double[] calRev;
    private double[] calCloud;
    private double[] calTotal;
    private double calRevTotal;

    /**
     * One pass over the sample at the current δ: fills F (shares then segments) and, unless {@code d} is null, the
     * derivatives; returns max |F|.
     */
    private double calibrationResiduals(CalibrationSample sample, CalibrationSample.Derivatives d, double[] target,
            double[] f) {
        if (calRev == null) {
            calRev = new double[nP];
            calCloud = new double[nG];
            calTotal = new double[nG];
        }
        refreshCaches();
        java.util.Arrays.fill(calRev, 0);
        java.util.Arrays.fill(calCloud, 0);
        java.util.Arrays.fill(calTotal, 0);
        if (d != null) {
            d.clear();
        }
        sample.expectedChoices(baseU, u0, calRev, calCloud, calTotal, d);
        double revTotal = 0;
        for (double r : calRev) {
            revTotal += r;
        }
        calRevTotal = revTotal;
        double err = 0;
        for (int j = 0; j < nP; j++) {
            double model = calRev[j] / revTotal;
            f[j] = Math.log(Math.max(model, 1e-300) / target[j]);
            err = Math.max(err, Math.abs(f[j]));
        }
        for (int g = 0; g < nG; g++) {
            if (calTotal[g] == 0) {
                f[nP + g] = 0;
                continue;
            }
            double model = calCloud[g] / calTotal[g];
            double a = sp[g].cloudAdoption();
            f[nP + g] = Math.log(model / a) - Math.log((1 - model) / (1 - a));
            err = Math.max(err, Math.abs(f[nP + g]));
        }
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    /**
     * The Newton step −J⁻¹F from the derivatives of the last pass, with δ of provider {@code pinned} held fixed;
     * null if the Jacobian is singular or the step not finite.
     */
    private double[] newtonStep(CalibrationSample.Derivatives d, double[] f, int pinned) {
        int dim = nP + nG;
        double revTotal = calRevTotal;
        double[][] jac = new double[dim][dim];
        double[] colSum = new double[dim];
        for (int k = 0; k < nP; k++) {
            for (int j = 0; j < nP; j++) {
                colSum[k] += d.revByDelta[j][k];
            }
        }
        for (int g = 0; g < nG; g++) {
            for (int j = 0; j < nP; j++) {
                colSum[nP + g] += d.revByOutside[j][g];
            }
        }
        for (int j = 0; j < nP; j++) {
            if (j == pinned || !(calRev[j] > 0)) {
                jac[j][j] = 1;
                continue;
            }
            for (int k = 0; k < nP; k++) {
                jac[j][k] = d.revByDelta[j][k] / calRev[j] - colSum[k] / revTotal;
            }
            for (int g = 0; g < nG; g++) {
                jac[j][nP + g] = d.revByOutside[j][g] / calRev[j] - colSum[nP + g] / revTotal;
            }
        }
        for (int g = 0; g < nG; g++) {
            int r = nP + g;
            double c = calCloud[g];
            double t = calTotal[g];
            if (t == 0 || !(c > 0) || !(t - c > 0)) {
                jac[r][r] = 1;
                continue;
            }
            double scale = t / (c * (t - c));
            for (int k = 0; k < nP; k++) {
                jac[r][k] = d.cloudByDelta[g][k] * scale;
            }
            jac[r][r] = d.cloudByOutside[g] * scale;
        }
        double[] rhs = new double[dim];
        for (int k = 0; k < dim; k++) {
            rhs[k] = -f[k];
        }
        rhs[pinned] = 0;
        for (int j = 0; j < nP; j++) {
            if (!(calRev[j] > 0)) {
                rhs[j] = 0;
            }
        }
        double[] x = solveLinear(jac, rhs);
        if (x == null) {
            return null;
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return x;
    }

    private void assignInitialProviders() {
        refreshCaches();
        Buyers b = buyers;
        for (int i = 0; i < b.n; i++) {
            // A buyer on premises, with no switching cost: utilities from the per-segment caches and its taste, and
            // the same draw as compute + sample, bit for bit, without filling the probabilities.
            int g = b.segment[i];
            double alpha = sp[g].alpha() * b.alphaMult[i];
            double[] bu = baseU[g];
            double[] bl = blend[g];
            for (int j = 0; j < nP; j++) {
                v[j] = bu[j] - alpha * bl[j];
            }
            NestedLogit.Plan plan = choicePlan(b.country[i], b.onPremises);
            int j = logit.choose(v, plan, u0[g], RandomStreams.uniform(initKey, b.id[i], 0));
            b.provider[i] = (byte) (j < 0 ? b.onPremises : j);
        }
        // Normalise workloads so that initial cloud revenue equals the configured market size.
        double rev = 0;
        for (int i = 0; i < b.n; i++) {
            if (b.inCloud(i)) {
                rev += b.workload[i] * blend[b.segment[i]][b.provider[i]];
            }
        }
        double scale = rev > 0 ? params.settings().initialRevenueEurBnPerQuarter() / rev : 1.0;
        for (int i = 0; i < b.n; i++) {
            b.workload[i] = (float) (b.workload[i] * scale);
            int j = b.provider[i];
            if (j != b.onPremises) {
                b.priceGeneral[i] = (float) priceGen[j];
                b.priceAi[i] = (float) priceAi[j];
            }
            addToBooks(i, j);
        }
        for (int j = 0; j < nP; j++) {
            double lg = Math.max(loadGen[j], 1e-6);
            double la = Math.max(loadAi[j], 1e-6);
            capGen[j] = lg / pp[j].general().initialUtilisation();
            int tier = tierIndex(pp[j].chips().get(0));
            fleet[j][tier] = la / pp[j].ai().initialUtilisation();
            fleetCostUnits[j] = fleet[j][tier] * tierCostIndex(tier, j);
            initialFleetCostIndex[j] = marginalTierCostIndex(j);
            prevLoadGen[j] = loadGen[j];
            prevLoadAi[j] = loadAi[j];
        }
        initialGrowthExpectations();
    }

    /**
     * Providers start with a growth expectation equal to the workload-weighted trend growth of their customers'
     * segments, and with the pipeline that steady investment at that growth would have in flight: deliveries in each
     * of the next lead-time quarters that keep utilisation where it starts.
     */
    private void initialGrowthExpectations() {
        for (int j = 0; j < nP; j++) {
            double w = 0;
            double gq = 0;
            for (int g = 0; g < nG; g++) {
                w += sumQ[j][g];
                gq += sumQ[j][g] * (Math.pow(1 + sp[g].workloadGrowthPerYear(), 0.25) - 1);
            }
            gq = w > 0 ? gq / w : 0;
            expectedGrowthGen[j] = gq;
            expectedGrowthAi[j] = gq;
            var inv = pp[j].investment();
            double dep = inv.depreciationPerQuarter();
            int lead = inv.prefersLease() ? inv.leaseLeadQuarters() : inv.buildLeadQuarters();
            for (int q = 1; q <= lead && q < params.quarters(); q++) {
                double amount = capGen[j] * (Math.pow(1 + gq, q) - Math.pow(1 + gq, q - 1)) + dep * capGen[j];
                Order o = new Order(j, false, -1, amount, 0, 0, false, q);
                orders.add(o);
                pipelineGen[j] += amount;
                scheduler.schedule(q, Phase.SUPPLY, deliveryHandler, orders.size() - 1);
            }
            int tier = tierIndex(pp[j].chips().get(0));
            int aiLead = tp[tier].leadQuarters();
            double capA = capAi(j);
            for (int q = 1; q <= aiLead && q < params.quarters(); q++) {
                double amount = capA * (Math.pow(1 + gq, q) - Math.pow(1 + gq, q - 1)) + dep * capA;
                Order o = new Order(j, true, tier, amount, 0, tierCostIndex(tier, j), false, q);
                orders.add(o);
                pipelineAi[j] += amount;
                scheduler.schedule(q, Phase.SUPPLY, deliveryHandler, orders.size() - 1);
            }
        }
    }

    /**
     * Sets each provider's marginal costs so that its initial prices satisfy its first-order condition against the
     * whole initial buyer population: c = p − μ with μ = D_j / (−∂D_j/∂p_j) (domain.md §2.2, "inverting the FOC").
     * Costs are floored at 5% of the price; the configured costs are then unused.
     */
    private void invertMarginalCosts() {
        dirty = true;
        refreshCaches();
        double[] mu = demand.implicitMarkups();
        for (int j = 0; j < nP; j++) {
            if (Double.isNaN(mu[j])) {
                continue;
            }
            baseCostGen[j] = Math.max(0.05 * priceGen[j], priceGen[j] - mu[j]);
            baseCostAi[j] = Math.max(0.05 * priceAi[j], priceAi[j] - mu[j]);
        }
    }

    private void scheduleInitialEvents() {
        int quarters = params.quarters();
        for (int k = 0; k < quarters; k++) {
            scheduler.schedule(k, Phase.PRICING, quarterStartHandler, k);
            scheduler.schedule(k + QUARTER_END, Phase.CLEARING, quarterEndHandler, k);
            scheduler.schedule(k + QUARTER_END, Phase.RECORD, recordHandler, k);
        }
        for (int idx = 0; idx < scenarioEvents.size(); idx++) {
            double t = scenarioEvents.get(idx).time();
            if (t < quarters) {
                scheduler.schedule(t, Phase.EXOGENOUS, scenarioHandler, idx);
            }
        }
        for (int n = 0; n < stochasticEvents.size(); n++) {
            scheduleNextStochastic(n, stochasticEvents.get(n).from());
        }
        // Renewals are not scheduled here: each quarter's start schedules its first one (scheduleNextRenewal).
    }

    /**
     * Lists the buyers whose contracts end in the current quarter, in index order: the quarter's renewals, which
     * pricing aggregates ({@link DemandModel#collectRenewals}) and which then run one after another
     * ({@link #scheduleNextRenewal}). Renewals move a buyer's next renewal to a later quarter and no other event
     * moves it, so the list stays valid for the whole quarter.
     */
    private void listDueRenewals() {
        int[] due = buyers.renewQuarter;
        int[] list = dueList;
        int k = quarter;
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
     * only events in their priority band. Each renewal is still one event of the scheduler, at its own time.
     */
    private void scheduleNextRenewal() {
        if (dueNext < dueCount) {
            int i = dueList[dueNext++];
            scheduler.schedule(quarter + buyers.offset[i], Phase.DEMAND, renewalHandler, i);
        }
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

    // =====================================================================================================
    // Utilities and choice
    // =====================================================================================================

    /** Recomputes the per-segment utility parts that do not depend on the individual buyer. */
    void refreshCaches() {
        if (!dirty) {
            return;
        }
        // Shocks decay quarter by quarter: evaluated at the start of the current quarter, so the utilities a buyer
        // sees do not depend on when within the quarter the caches happen to be refreshed.
        double t = Math.floor(scheduler.now());
        for (int g = 0; g < nG; g++) {
            betaUsNow[g] = sp[g].betaUs();
            betaCnNow[g] = sp[g].betaCn();
        }
        for (int s = 0; s < shockBeta.size(); s++) {
            double[] meta = shockMeta.get(s);
            double decay = Math.pow(0.5, Math.max(0, t - meta[1]) / meta[2]);
            double[] d = shockBeta.get(s);
            for (int g = 0; g < nG; g++) {
                if (meta[0] == Origin.US.ordinal()) {
                    betaUsNow[g] += d[g] * decay;
                } else if (meta[0] == Origin.CN.ordinal()) {
                    betaCnNow[g] += d[g] * decay;
                }
            }
        }
        for (int j = 0; j < nP; j++) {
            double cap = capAi(j);
            capAiNow[j] = cap;
            double penalty = 0;
            if (cap > 0) {
                for (int tt = 0; tt < nT; tt++) {
                    penalty += fleet[j][tt] / cap * tp[tt].qualityPenalty();
                }
            }
            aiQualityEff[j] = pp[j].aiQuality() * Math.max(0, 1 - penalty);
        }
        double drift = params.settings().adoptionDriftPerYear() * Math.floor(t) / 4.0;
        for (int g = 0; g < nG; g++) {
            SegmentParams s = sp[g];
            double w = blendWeight(g);
            for (int j = 0; j < nP; j++) {
                baseU[g][j] = delta[j] + s.gammaAi() * w * aiQualityEff[j]
                        - Math.max(0, betaUsNow[g]) * expUs[j] - Math.max(0, betaCnNow[g]) * expCn[j];
                blend[g][j] = ((1 - w) * priceGen[j] + w * priceAi[j]) * (1 + wedge[j] * s.licensingExposure())
                        / techIndex;
            }
            u0[g] = deltaOutside[g] - drift;
        }
        dirty = false;
    }

    /** Share of AI compute in a unit of segment g's workload at the current AI intensity. */
    double blendWeight(int g) {
        double a = sp[g].aiShare() * aiIntensity[g];
        return a / ((1 - sp[g].aiShare()) + a);
    }

    /** Workload units (general + AI) per unit of base workload in segment g at the current indices. */
    double unitsPerWorkload(int g) {
        return growthIndex[g] * ((1 - sp[g].aiShare()) + sp[g].aiShare() * aiIntensity[g]);
    }

    /** General compute units per unit of segment g's base workload at the current indices. */
    double genPerWorkload(int g) {
        return genPer[g];
    }

    /** AI compute units per unit of segment g's base workload at the current indices. */
    double aiPerWorkload(int g) {
        return aiPer[g];
    }

    /** Recomputes the units per workload after a change of the growth or AI-intensity indices. */
    private void refreshWorkloadUnits() {
        for (int g = 0; g < nG; g++) {
            genPer[g] = growthIndex[g] * (1 - sp[g].aiShare());
            aiPer[g] = growthIndex[g] * sp[g].aiShare() * aiIntensity[g];
        }
    }

    /**
     * A buyer's contract renewal (or, on premises, its periodic review): choose, sign, schedule the next one. The
     * buyer's columns are read once, up front: with a million buyers renewing in random order each column is a cache
     * miss, and issuing the loads together lets them overlap.
     */
    private void renew(int i) {
        refreshCaches();
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
        int chosen = choose(b.id[i], k, g, c, q, am, km, di);
        if (chosen != k) {
            flows[k][chosen]++;
        }
        bookDelta(k, g, q, oldGen, oldAi, -1);
        b.provider[i] = (byte) chosen;
        float newGen = oldGen;
        float newAi = oldAi;
        if (chosen != b.onPremises) {
            newGen = (float) priceGen[chosen];
            newAi = (float) priceAi[chosen];
            b.priceGeneral[i] = newGen;
            b.priceAi[i] = newAi;
        }
        bookDelta(chosen, g, q, newGen, newAi, +1);
        b.renewQuarter[i] = quarter + sp[g].contractQuarters();
        scheduleNextRenewal();
    }

    /**
     * Buyer i's decision at a renewal in the current quarter: a nested-logit draw among the allowed providers and
     * the outside option; a provider without room for the buyer's workload rations it out and the buyer re-draws
     * without that provider. Returns the provider index, or {@link Buyers#onPremises}. Records rationed workload
     * but changes no books; the caches must be fresh ({@link #refreshCaches()}). Package-private for the decision
     * benchmark (src/jmh).
     */
    int choose(int i) {
        Buyers b = buyers;
        return choose(b.id[i], b.provider[i], b.segment[i], b.country[i], b.workload[i], b.alphaMult[i],
                b.kappaMult[i], b.dataIntensity[i]);
    }

    /** {@link #choose(int)} with the buyer's columns already read: id, status k, segment g, country c and tastes. */
    private int choose(int id, int k, int g, int c, float q, float alphaMult, float kappaMult, float dataIntensity) {
        int onPremises = buyers.onPremises;
        SegmentParams s = sp[g];
        double kap = k == onPremises ? 0
                : kappaMult * (s.switchingTech() * techMult[k] + s.switchingEgress() * egress[k] * dataIntensity);
        double alpha = s.alpha() * alphaMult;
        double[] bu = baseU[g];
        double[] bl = blend[g];
        for (int j = 0; j < nP; j++) {
            v[j] = bu[j] - alpha * bl[j] - (j == k ? 0 : kap);
        }
        double v0 = u0[g] - kap;
        double qd = q;
        double addGen = qd * genPerWorkload(g);
        double addAi = qd * aiPerWorkload(g);
        long draw = (long) quarter * 16;
        NestedLogit.Plan plan = choicePlan(c, k);
        int j = logit.choose(v, plan, v0, RandomStreams.uniform(choiceKey, id, draw));
        for (int attempt = 1; j >= 0; attempt++) {
            boolean fits = j == k
                    || (loadGen[j] + addGen <= capGen[j] * (1 + 1e-9) && loadAi[j] + addAi <= capAiNow[j] * (1 + 1e-9));
            if (fits) {
                return j;
            }
            // Capacity binds: ration the buyer out and let it spill to its next choice.
            rationed[j] += addGen + addAi;
            if (attempt > nP) {
                break;
            }
            if (attempt == 1) {
                System.arraycopy(plan.available, 0, avail, 0, nP);
            }
            avail[j] = false;
            j = logit.choose(v, avail, v0, RandomStreams.uniform(choiceKey, id, draw + attempt));
        }
        return onPremises;
    }

    /** The choice plan of a buyer in country c whose current provider is k ({@link Buyers#onPremises} if none). */
    private NestedLogit.Plan choicePlan(int c, int k) {
        return plans[c * (nP + 1) + k];
    }

    private void addToBooks(int i, int j) {
        bookDelta(i, j, +1);
    }

    private void removeFromBooks(int i, int j) {
        bookDelta(i, j, -1);
    }

    private void bookDelta(int i, int j, int sign) {
        Buyers b = buyers;
        bookDelta(j, b.segment[i], b.workload[i], b.priceGeneral[i], b.priceAi[i], sign);
    }

    /** Adds ({@code sign} +1) or removes (-1) a buyer of segment g with workload q at contract prices to j's books. */
    private void bookDelta(int j, int g, float q, float pGen, float pAi, int sign) {
        count[j][g] += sign;
        if (j == buyers.onPremises) {
            return;
        }
        double qd = q;
        if (count[j][g] == 0) {
            // The book is empty: clear the rounding residue of the running sums, so that an empty book is exactly
            // zero (shares within a segment that all buyers left would otherwise be ratios of residues).
            sumQ[j][g] = 0;
            sumQpGen[j][g] = 0;
            sumQpAi[j][g] = 0;
        } else {
            sumQ[j][g] += sign * qd;
            sumQpGen[j][g] += sign * qd * pGen;
            sumQpAi[j][g] += sign * qd * pAi;
        }
        loadGen[j] += sign * qd * genPerWorkload(g);
        loadAi[j] += sign * qd * aiPerWorkload(g);
    }

    // =====================================================================================================
    // Quarter cycle
    // =====================================================================================================

    private void quarterStart(int k) {
        quarter = k;
        double years = k / 4.0;
        techIndex = Math.pow(1 + params.settings().costTrendPerYear(), years);
        for (int g = 0; g < nG; g++) {
            growthIndex[g] = Math.pow(1 + sp[g].workloadGrowthPerYear(), years) * growthShock[g];
        }
        refreshWorkloadUnits();
        if (k > 0) {
            for (int j = 0; j < nP; j++) {
                double keep = 1 - pp[j].investment().depreciationPerQuarter();
                capGen[j] *= keep;
                premiumUnitsGen[j] *= keep;
                premiumUnitsAi[j] *= keep;
                fleetCostUnits[j] *= keep;
                for (int t = 0; t < nT; t++) {
                    fleet[j][t] *= keep;
                }
            }
        }
        recomputeLoads();
        refreshAvailability();
        dirty = true;
        refreshCaches();
        listDueRenewals();
        setPrices(k);
        dirty = true;
        scheduleNextRenewal();
    }

    private void recomputeLoads() {
        for (int j = 0; j < nP; j++) {
            double lg = 0;
            double la = 0;
            for (int g = 0; g < nG; g++) {
                lg += sumQ[j][g] * genPerWorkload(g);
                la += sumQ[j][g] * aiPerWorkload(g);
            }
            loadGen[j] = lg;
            loadAi[j] = la;
        }
    }

    private void refreshAvailability() {
        for (int c = 0; c < nC; c++) {
            for (int j = 0; j < nP; j++) {
                availableByCountry[c][j] = serves[c][j] && excludedUntil[c][j] <= quarter;
            }
            // The buyer's choice set: the providers available in its country, and its own provider if that one is
            // excluded but lets incumbents stay.
            for (int k = 0; k <= nP; k++) {
                for (int j = 0; j < nP; j++) {
                    avail[j] = availableByCountry[c][j] || (j == k && incumbentsStay[c][j]);
                }
                logit.plan(avail, choicePlan(c, k));
            }
        }
    }

    /** The technology index T(t) that deflates prices in buyers' utility. */
    public double techIndex() {
        return techIndex;
    }

    /** Marginal cost of general compute now. */
    public double costGen(int j) {
        double trend = techIndex;
        double premium = capGen[j] > 0 ? premiumUnitsGen[j] / capGen[j] : 0;
        return baseCostGen[j] * trend * costMultGen[j] * (1 + premium);
    }

    /**
     * Marginal cost of AI compute now: base cost × trend × the cost per unit of effective capacity of the chip tier
     * the provider would buy next (its first obtainable tier, with any export levy), relative to that of its tier at
     * the start. Export controls thus raise the cost of the marginal unit at once (replacement cost), and leases add
     * their premium.
     */
    public double costAi(int j) {
        double trend = techIndex;
        double cap = capAi(j);
        double premium = cap > 0 ? premiumUnitsAi[j] / cap : 0;
        return baseCostAi[j] * trend * costMultAi[j] * (marginalTierCostIndex(j) / initialFleetCostIndex[j])
                * (1 + premium);
    }

    /**
     * Cost index of the next unit of AI capacity: the first tier in the provider's preference list with a positive
     * licence probability and volume. With none obtainable, 1.5 times the dearest tier it lists (scarcity).
     */
    double marginalTierCostIndex(int j) {
        int o = origin[j].ordinal();
        double dearest = 0;
        for (String tierId : pp[j].chips()) {
            int t = tierIndex(tierId);
            double idx = tierCostIndex(t, j);
            dearest = Math.max(dearest, idx);
            boolean refusedEntirely = tp[t].madeIn() != origin[j] && refusal[o] >= 1;
            if (licenceProb[t][o] > 0 && tierVolume[j][t] > 0 && !refusedEntirely) {
                return idx;
            }
        }
        return 1.5 * dearest;
    }

    public double capAi(int j) {
        double s = 0;
        for (int t = 0; t < nT; t++) {
            s += fleet[j][t];
        }
        return s;
    }

    private void setPrices(int k) {
        demand.collectRenewals(false);
        double[] newGen = new double[nP];
        double[] newAi = new double[nP];
        for (int j = 0; j < nP; j++) {
            double cg = costGen(j);
            double ca = costAi(j);
            if (holdThrough[j] >= k) {
                newGen[j] = priceGen[j];
                newAi[j] = priceAi[j];
                continue;
            }
            double brGen = Double.NaN;
            double brAi = Double.NaN;
            if (rules[j].needsBestResponse()) {
                double[] br = demand.bestResponse(j, cg, ca);
                if (br != null) {
                    brGen = br[0];
                    brAi = br[1];
                    shadowGen[j] = br[2];
                    shadowAi[j] = br[3];
                }
            } else {
                double[] sh = demand.shadowPrices(j, cg * (1 + pp[j].pricing().markup()),
                        ca * (1 + pp[j].pricing().markup()));
                shadowGen[j] = sh[0];
                shadowAi[j] = sh[1];
            }
            newGen[j] = Math.max(cg, rules[j].nextPrice(priceGen[j], brGen, cg));
            newAi[j] = Math.max(ca, rules[j].nextPrice(priceAi[j], brAi, ca));
        }
        System.arraycopy(newGen, 0, priceGen, 0, nP);
        System.arraycopy(newAi, 0, priceAi, 0, nP);
    }

    private void quarterEnd(int k) {
        refreshCaches();
        lastSnapshot = snapshot(k);
        invest(k);
    }

    private void record(int k) {
        recorder.onQuarter(lastSnapshot);
        for (int[] row : flows) {
            java.util.Arrays.fill(row, 0);
        }
        for (double[] row : deliveredThisQuarter) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(rationed, 0);
    }

    private QuarterSnapshot snapshot(int k) {
        List<ProviderQuarter> rows = new ArrayList<>(nP);
        double[] revG = new double[nP];
        double[] revA = new double[nP];
        double total = 0;
        for (int j = 0; j < nP; j++) {
            for (int g = 0; g < nG; g++) {
                revG[j] += sumQpGen[j][g] * genPerWorkload(g);
                revA[j] += sumQpAi[j][g] * aiPerWorkload(g);
            }
            total += revG[j] + revA[j];
        }
        for (int j = 0; j < nP; j++) {
            int customers = 0;
            for (int g = 0; g < nG; g++) {
                customers += count[j][g];
            }
            double cg = costGen(j);
            double ca = costAi(j);
            double profit = revG[j] + revA[j] - cg * loadGen[j] - ca * loadAi[j];
            int in = 0;
            int out = 0;
            for (int x = 0; x <= nP; x++) {
                in += x == j ? 0 : flows[x][j];
                out += x == j ? 0 : flows[j][x];
            }
            rows.add(new ProviderQuarter(providerIds[j], priceGen[j], priceAi[j], cg, ca, revG[j], revA[j],
                    total > 0 ? (revG[j] + revA[j]) / total : 0, customers, capGen[j], capAi(j), loadGen[j],
                    loadAi[j], profit, shadowGen[j], shadowAi[j], deliveredThisQuarter[j], fleet[j], in, out,
                    rationed[j]));
        }
        double[][] segShares = new double[nG][nP];
        double[] cloudShare = new double[nG];
        for (int g = 0; g < nG; g++) {
            double segRev = 0;
            double inCloud = 0;
            double onPrem = 0;
            for (int j = 0; j < nP; j++) {
                double r = sumQpGen[j][g] * genPerWorkload(g) + sumQpAi[j][g] * aiPerWorkload(g);
                segShares[g][j] = r;
                segRev += r;
                inCloud += sumQ[j][g];
            }
            onPrem = demand.onPremisesWorkload(g);
            for (int j = 0; j < nP; j++) {
                segShares[g][j] = segRev > 0 ? segShares[g][j] / segRev : 0;
            }
            cloudShare[g] = inCloud + onPrem > 0 ? inCloud / (inCloud + onPrem) : 0;
        }
        double[] cs = demand.consumerSurplus();
        int inCloudBuyers = 0;
        for (int j = 0; j < nP; j++) {
            for (int g = 0; g < nG; g++) {
                inCloudBuyers += count[j][g];
            }
        }
        return new QuarterSnapshot(k, clock.label(k), rows, segShares, cloudShare, cs, flows, inCloudBuyers,
                buyers.n - inCloudBuyers);
    }

    // =====================================================================================================
    // Investment and supply
    // =====================================================================================================

    /**
     * Investment rule: order enough capacity that utilisation at delivery returns to the target, given the observed
     * load growth. General capacity is built (screened for some origins) or leased; AI capacity is bought as chips of
     * the provider's preferred tiers, subject to export controls, counter-guidance and volume limits.
     */
    private void invest(int k) {
        for (int j = 0; j < nP; j++) {
            var inv = pp[j].investment();
            // Adaptive expectation of quarterly load growth: EMA with weight 0.25 on the latest quarter.
            if (prevLoadGen[j] > 0) {
                expectedGrowthGen[j] += 0.25 * (clamp(loadGen[j] / prevLoadGen[j] - 1, -0.2, 0.3) - expectedGrowthGen[j]);
            }
            if (prevLoadAi[j] > 0) {
                expectedGrowthAi[j] += 0.25 * (clamp(loadAi[j] / prevLoadAi[j] - 1, -0.2, 0.3) - expectedGrowthAi[j]);
            }
            prevLoadGen[j] = loadGen[j];
            prevLoadAi[j] = loadAi[j];
            double keep = 1 - inv.depreciationPerQuarter();
            boolean lease = inv.prefersLease() || isBlocked(j);
            int lead = lease ? inv.leaseLeadQuarters() : inv.buildLeadQuarters();
            double projGen = loadGen[j] * Math.pow(1 + Math.max(0, expectedGrowthGen[j]), lead + 1);
            double haveGen = capGen[j] * Math.pow(keep, lead + 1) + pipelineGen[j];
            double gapGen = projGen / inv.targetUtilisation() - haveGen;
            if (gapGen > 1e-9 * Math.max(capGen[j], 1e-9)) {
                orderGeneral(j, gapGen, lease, lead, lease ? inv.leaseCostPremium() : 0);
            }
            int aiLead = tp[tierIndex(pp[j].chips().get(0))].leadQuarters();
            double projAi = loadAi[j] * Math.pow(1 + Math.max(0, expectedGrowthAi[j]), aiLead + 1);
            double haveAi = capAi(j) * Math.pow(keep, aiLead + 1) + pipelineAi[j];
            double gapAi = projAi / inv.targetUtilisation() - haveAi;
            if (gapAi > 1e-9 * Math.max(capAi(j), 1e-9)) {
                procureChips(j, gapAi, -1);
            }
        }
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** Places a general-capacity order; greenfield builds by screened origins go to review first. */
    private void orderGeneral(int j, double amount, boolean lease, int lead, double premium) {
        orderGeneral(j, amount, lease, lead, premium, -1);
    }

    private void orderGeneral(int j, double amount, boolean lease, int lead, double premium, int country) {
        Order o = new Order(j, false, -1, amount, premium, 0, lease, lead);
        o.country = country;
        orders.add(o);
        int idx = orders.size() - 1;
        pipelineGen[j] += amount;
        if (!lease && screened(j)) {
            String standing = screeningStanding[j];
            if (standing == null) {
                o.awaitingReview = true;
                double review = params.screening().reviewQuarters();
                scheduler.schedule(Math.floor(scheduler.now()) + 1 + review, Phase.SUPPLY, reviewHandler, idx);
                return;
            }
            resolveScreening(idx, standing);
            return;
        }
        scheduleDelivery(idx, lead);
    }

    private boolean isBlocked(int j) {
        return screeningStanding[j] != null && screeningStanding[j].startsWith("block");
    }

    private boolean screened(int j) {
        return params.screening().origins().contains(origin[j]) || screeningStanding[j] != null;
    }

    private void scheduleDelivery(int idx, int lead) {
        double at = Math.floor(scheduler.now()) + Math.max(1, lead);
        if (at < params.quarters()) {
            scheduler.schedule(at, Phase.SUPPLY, deliveryHandler, idx);
        }
    }

    private void review(int idx) {
        Order o = orders.get(idx);
        if (!o.awaitingReview || o.done) {
            return;
        }
        String standing = screeningStanding[o.provider];
        String outcome = standing;
        if (outcome == null) {
            var s = params.screening();
            double u = screeningStream[o.provider].nextDouble();
            outcome = u < s.approveProbability() ? "approve"
                    : u < s.approveProbability() + s.conditionProbability() ? "condition" : "block";
        }
        resolveScreening(idx, outcome);
    }

    private void resolveScreening(int idx, String outcome) {
        Order o = orders.get(idx);
        o.awaitingReview = false;
        int j = o.provider;
        var inv = pp[j].investment();
        switch (outcome) {
            case "approve" -> scheduleDelivery(idx, remainingLead(o));
            case "condition" -> {
                o.premium += params.screening().conditionCostPremium();
                scheduleDelivery(idx, remainingLead(o));
            }
            case "block-exit" -> {
                // Blocked without a lease route: the capacity and the country entry it carried are lost.
                o.done = true;
                pipelineGen[j] -= o.amount;
            }
            default -> {
                // Blocked: the greenfield build is cancelled and the provider falls back on leased capacity.
                o.lease = true;
                o.premium = inv.leaseCostPremium();
                scheduleDelivery(idx, inv.leaseLeadQuarters());
            }
        }
    }

    private int remainingLead(Order o) {
        return Math.max(1, o.lead - params.screening().reviewQuarters());
    }

    /** Buys AI capacity from the provider's chip tiers in order of preference. */
    private void procureChips(int j, double amount, int leadOverride) {
        double remaining = amount;
        double cap = Math.max(capAi(j), 1e-9);
        int o = origin[j].ordinal();
        for (String tierId : pp[j].chips()) {
            if (remaining <= 0) {
                break;
            }
            int t = tierIndex(tierId);
            double p = licenceProb[t][o];
            if (p <= 0) {
                continue;
            }
            if (p < 1 && licenceStream[j].nextDouble() >= p) {
                continue; // licence denied this quarter
            }
            double takeUp = tp[t].madeIn() != origin[j] ? 1 - refusal[o] : 1;
            double limit = tierVolume[j][t] * cap;
            double got = Math.min(remaining * takeUp, limit);
            if (got <= 0) {
                continue;
            }
            Order ord = new Order(j, true, t, got, 0, tierCostIndex(t, j), false,
                    leadOverride >= 0 ? leadOverride : tp[t].leadQuarters());
            orders.add(ord);
            pipelineAi[j] += got;
            scheduleDelivery(orders.size() - 1, ord.lead);
            remaining -= got;
        }
    }

    /** Cost per unit of effective AI capacity of a tier for provider j, including any export levy. */
    private double tierCostIndex(int t, int j) {
        return tp[t].unitCost() * (1 + levy[t][origin[j].ordinal()]) / tierPerformance[j][t];
    }

    private void deliver(int idx) {
        Order o = orders.get(idx);
        if (o.done) {
            return;
        }
        o.done = true;
        int j = o.provider;
        if (o.ai) {
            pipelineAi[j] -= o.amount;
            fleet[j][o.tier] += o.amount;
            fleetCostUnits[j] += o.amount * o.costIndex;
            premiumUnitsAi[j] += o.amount * o.premium;
            deliveredThisQuarter[j][o.tier] += o.amount;
        } else {
            pipelineGen[j] -= o.amount;
            capGen[j] += o.amount;
            premiumUnitsGen[j] += o.amount * o.premium;
        }
        if (o.country >= 0) {
            serves[o.country][j] = true;
            refreshAvailability();
        }
        dirty = true;
    }

    // =====================================================================================================
    // Scenario events: the public API the typed events act through
    // =====================================================================================================

    private void scheduleNextStochastic(int n, double after) {
        StochasticEvent se = stochasticEvents.get(n);
        double t = after + stochasticStreams[n].nextExponential(se.hazardPerQuarter());
        if (t < se.until() && t < params.quarters()) {
            scheduler.schedule(t, Phase.EXOGENOUS, stochasticHandler, n);
        }
    }

    private final EventHandler stochasticHandler = (s, n) -> fireStochasticEvent(n);

    private void fireStochasticEvent(int n) {
        StochasticEvent se = stochasticEvents.get(n);
        MarketEvent event = se.template();
        String note = "";
        boolean apply = true;
        if (se.magnitudeField() != null) {
            double x = stochasticDists[n].sample();
            try {
                event = event.withMagnitude(se.magnitudeField(), x);
            } catch (IllegalArgumentException e) {
                apply = false;
                note = " (draw " + x + " outside the valid range; skipped)";
            }
        }
        if (apply) {
            refreshCaches();
            event.applyTo(this);
            dirty = true;
            refreshAvailability();
        }
        double now = scheduler.now();
        recorder.onEvent(new EventRecord(now, clock.labelAt(now), event.type(), event.target(), event.parameters(),
                se.description() + note, "stochastic"));
        scheduleNextStochastic(n, now);
    }

    private void fireScenarioEvent(int idx) {
        ScheduledEvent se = scenarioEvents.get(idx);
        refreshCaches();
        se.event().applyTo(this);
        dirty = true;
        refreshAvailability();
        recorder.onEvent(new EventRecord(se.time(), clock.labelAt(se.time()), se.event().type(), se.event().target(),
                se.event().parameters(), se.description(), "scenario"));
    }

    public int providerIndex(String id) {
        Integer j = providerIdx.get(id);
        if (j == null) {
            throw new IllegalArgumentException("unknown provider '" + id + "'");
        }
        return j;
    }

    public int segmentIndex(String id) {
        Integer g = segmentIdx.get(id);
        if (g == null) {
            throw new IllegalArgumentException("unknown segment '" + id + "'");
        }
        return g;
    }

    public int countryIndex(String id) {
        Integer c = countryIdx.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown country '" + id + "'");
        }
        return c;
    }

    public int tierIndex(String id) {
        Integer t = tierIdx.get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown chip tier '" + id + "'");
        }
        return t;
    }

    public int segmentCount() {
        return nG;
    }

    public int providerCount() {
        return nP;
    }

    public String providerId(int j) {
        return providerIds[j];
    }

    public String segmentId(int g) {
        return segmentIds[g];
    }

    public String tierId(int t) {
        return tierIds[t];
    }

    public Origin origin(int j) {
        return origin[j];
    }

    /** Indices of one provider, or of all for "all". */
    public int[] providersMatching(String id) {
        if ("all".equals(id)) {
            int[] all = new int[nP];
            for (int j = 0; j < nP; j++) {
                all[j] = j;
            }
            return all;
        }
        return new int[] {providerIndex(id)};
    }

    public int[] segmentsMatching(String id) {
        if ("all".equals(id)) {
            int[] all = new int[nG];
            for (int g = 0; g < nG; g++) {
                all[g] = g;
            }
            return all;
        }
        return new int[] {segmentIndex(id)};
    }

    public int currentQuarter() {
        return quarter;
    }

    public double priceGeneral(int j) {
        return priceGen[j];
    }

    public double priceAi(int j) {
        return priceAi[j];
    }

    public double capacityGeneral(int j) {
        return capGen[j];
    }

    public double exposureUs(int j) {
        return expUs[j];
    }

    public double egressLevel(int j) {
        return egress[j];
    }

    public double licensingWedge(int j) {
        return wedge[j];
    }

    public double switchingTechMultiplier(int j) {
        return techMult[j];
    }

    public double licenceProbability(int tier, Origin o) {
        return licenceProb[tier][o.ordinal()];
    }

    public double levy(int tier, Origin o) {
        return levy[tier][o.ordinal()];
    }

    public double refusalShare(Origin o) {
        return refusal[o.ordinal()];
    }

    public double tierVolume(int j, int t) {
        return tierVolume[j][t];
    }

    public double tierPerformance(int j, int t) {
        return tierPerformance[j][t];
    }

    public String screeningStanding(int j) {
        return screeningStanding[j];
    }

    public boolean isExcluded(int c, int j) {
        return excludedUntil[c][j] > quarter;
    }

    /** Current sovereignty aversion of segment g toward an origin (base plus decayed shocks). */
    public double sovereigntyAversion(int g, Origin o) {
        dirty = true;
        refreshCaches();
        return o == Origin.US ? betaUsNow[g] : o == Origin.CN ? betaCnNow[g] : 0;
    }

    public double growthIndex(int g) {
        return growthIndex[g];
    }

    public double aiIntensity(int g) {
        return aiIntensity[g];
    }

    public double pipelineGeneral(int j) {
        return pipelineGen[j];
    }

    public double pipelineAi(int j) {
        return pipelineAi[j];
    }

    /** E1. */
    public void changePrice(int j, String product, double factor, boolean costBasis, int holdQuarters) {
        boolean gen = !product.equals("ai");
        boolean ai = !product.equals("general");
        if (costBasis) {
            if (gen) {
                costMultGen[j] *= factor;
            }
            if (ai) {
                costMultAi[j] *= factor;
            }
        } else {
            if (gen) {
                priceGen[j] *= factor;
            }
            if (ai) {
                priceAi[j] *= factor;
            }
            holdThrough[j] = Math.max(holdThrough[j], (int) Math.floor(scheduler.now()) + holdQuarters);
        }
        dirty = true;
    }

    /** E2. */
    public void setExportRule(int tier, Origin target, double licenceProbability, double levyShare) {
        licenceProb[tier][target.ordinal()] = licenceProbability;
        levy[tier][target.ordinal()] = levyShare;
    }

    /** E3. */
    public void setCounterGuidance(Origin o, double refusalShare) {
        refusal[o.ordinal()] = refusalShare;
    }

    /** E4. */
    public void rampTier(int j, int t, double volumePerQuarter, double performance) {
        tierVolume[j][t] = volumePerQuarter;
        tierPerformance[j][t] = performance;
    }

    /** E5: the review starts now; the decision lands after the review delay. */
    public void screeningDecision(int j, String outcome, double reviewQuarters) {
        int idx = deferred.size();
        deferred.add(() -> {
            screeningStanding[j] = outcome;
            for (int o = 0; o < orders.size(); o++) {
                Order ord = orders.get(o);
                if (ord.provider == j && ord.awaitingReview && !ord.done) {
                    resolveScreening(o, outcome);
                }
            }
        });
        scheduleDeferred(reviewQuarters, idx);
    }

    private void scheduleDeferred(double delay, int idx) {
        double at = scheduler.now() + delay;
        if (delay == 0) {
            deferred.get(idx).run();
            dirty = true;
        } else if (at < params.quarters()) {
            scheduler.schedule(at, Phase.EXOGENOUS, deferredHandler, idx);
        }
    }

    /** E6. */
    public void addSovereigntyShock(Origin target, double[] perSegment, double halfLifeQuarters) {
        shockBeta.add(perSegment.clone());
        shockMeta.add(new double[] {target.ordinal(), scheduler.now(), halfLifeQuarters});
        dirty = true;
    }

    /** E7. */
    public void launchSovereignOffer(int j, double exposureReduction, double costPremium) {
        expUs[j] *= 1 - exposureReduction;
        expCn[j] *= 1 - exposureReduction;
        costMultGen[j] *= 1 + costPremium;
        costMultAi[j] *= 1 + costPremium;
        dirty = true;
    }

    /** E8. */
    public void setEgressLevel(int j, double level) {
        egress[j] = level;
    }

    /** E9. */
    public void setLicensingWedge(int j, double w) {
        wedge[j] = w;
        dirty = true;
    }

    /**
     * E10 and E11: orders capacity equal to {@code share} of the provider's current capacity of the product. General
     * capacity in a country ({@code country >= 0}) opens that country to the provider when it is delivered; a
     * greenfield build goes through investment screening first if the provider's origin is screened.
     */
    public void orderCapacity(int j, boolean ai, double share, boolean lease, int lead, double premium, int country) {
        if (ai) {
            procureChips(j, share * Math.max(capAi(j), 1e-9), lead);
        } else {
            boolean viaLease = lease || isBlocked(j);
            orderGeneral(j, share * capGen[j], viaLease,
                    viaLease && !lease ? pp[j].investment().leaseLeadQuarters() : lead,
                    viaLease ? Math.max(premium, lease ? premium : pp[j].investment().leaseCostPremium()) : premium,
                    country);
        }
    }

    public boolean serves(int c, int j) {
        return serves[c][j];
    }

    public int pendingOrders(int j) {
        int n = 0;
        for (Order o : orders) {
            if (o.provider == j && !o.done) {
                n++;
            }
        }
        return n;
    }

    public int ordersAwaitingReview(int j) {
        int n = 0;
        for (Order o : orders) {
            if (o.provider == j && !o.done && o.awaitingReview) {
                n++;
            }
        }
        return n;
    }

    /**
     * A flat view of the market's state variables by name (provider-, tier-, country- and segment-indexed values),
     * for tests that check an event changes exactly what it should, and for debugging.
     */
    public java.util.SortedMap<String, Double> stateVector() {
        dirty = true;
        refreshCaches();
        java.util.SortedMap<String, Double> m = new java.util.TreeMap<>();
        for (int j = 0; j < nP; j++) {
            String p = providerIds[j] + ".";
            m.put(p + "priceGeneral", priceGen[j]);
            m.put(p + "priceAi", priceAi[j]);
            m.put(p + "costGeneral", costGen(j));
            m.put(p + "costAi", costAi(j));
            m.put(p + "capacityGeneral", capGen[j]);
            m.put(p + "capacityAi", capAi(j));
            m.put(p + "pipelineGeneral", pipelineGen[j]);
            m.put(p + "pipelineAi", pipelineAi[j]);
            m.put(p + "exposureUs", expUs[j]);
            m.put(p + "exposureCn", expCn[j]);
            m.put(p + "egressLevel", egress[j]);
            m.put(p + "licensingWedge", wedge[j]);
            m.put(p + "switchingTechMultiplier", techMult[j]);
            m.put(p + "priceHeldThrough", (double) holdThrough[j]);
            m.put(p + "pendingOrders", (double) pendingOrders(j));
            m.put(p + "ordersAwaitingReview", (double) ordersAwaitingReview(j));
            m.put(p + "screeningStanding", screeningStanding[j] == null ? 0.0
                    : switch (screeningStanding[j]) {
                        case "approve" -> 1.0;
                        case "condition" -> 2.0;
                        case "block" -> 3.0;
                        default -> 4.0;
                    });
            for (int t = 0; t < nT; t++) {
                m.put(p + "tierVolume." + tierIds[t], tierVolume[j][t]);
                m.put(p + "tierPerformance." + tierIds[t], tierPerformance[j][t]);
            }
            for (int c = 0; c < nC; c++) {
                m.put(p + "excluded." + countryIds[c], excludedUntil[c][j] > quarter ? 1.0 : 0.0);
                m.put(p + "serves." + countryIds[c], serves[c][j] ? 1.0 : 0.0);
            }
        }
        for (int t = 0; t < nT; t++) {
            for (Origin o : Origin.values()) {
                m.put("exportRule." + tierIds[t] + "." + o + ".licenceProbability", licenceProb[t][o.ordinal()]);
                m.put("exportRule." + tierIds[t] + "." + o + ".levy", levy[t][o.ordinal()]);
            }
        }
        for (Origin o : Origin.values()) {
            m.put("counterGuidance." + o, refusal[o.ordinal()]);
        }
        for (int g = 0; g < nG; g++) {
            String p = "segment." + segmentIds[g] + ".";
            m.put(p + "betaUs", betaUsNow[g]);
            m.put(p + "betaCn", betaCnNow[g]);
            m.put(p + "growthIndex", growthIndex[g]);
            m.put(p + "aiIntensity", aiIntensity[g]);
        }
        return m;
    }

    /** E12: from now on buyers in country c cannot choose provider j; installed customers leave at renewal. */
    public void exclude(int c, int j, int durationQuarters, boolean incumbentsMayStay) {
        int from = (int) Math.floor(scheduler.now());
        excludedUntil[c][j] = durationQuarters == 0 ? Integer.MAX_VALUE : from + durationQuarters;
        incumbentsStay[c][j] = incumbentsMayStay;
        refreshAvailability();
    }

    /** E13. */
    public void designate(int j, double switchingTechMultiplier, boolean removeWedge, int lagQuarters) {
        int idx = deferred.size();
        deferred.add(() -> {
            techMult[j] *= switchingTechMultiplier;
            if (removeWedge) {
                wedge[j] = 0;
            }
        });
        scheduleDeferred(lagQuarters, idx);
    }

    /** E14. */
    public void shockAiDemand(int g, double growthMultiplier, double gpuIntensityMultiplier) {
        growthShock[g] *= growthMultiplier;
        growthIndex[g] *= growthMultiplier;
        aiIntensity[g] *= gpuIntensityMultiplier;
        refreshWorkloadUnits();
        recomputeLoads();
        dirty = true;
    }

    // ---- accessors used by the demand model (package-private)

    SegmentParams segment(int g) {
        return sp[g];
    }

    NestedLogit logit() {
        return logit;
    }

    boolean[][] availability() {
        return availableByCountry;
    }

    double[][] baseUtilities() {
        return baseU;
    }

    double[][] blendFactors() {
        return blend;
    }

    double[] outsideUtilities() {
        return u0;
    }
}
