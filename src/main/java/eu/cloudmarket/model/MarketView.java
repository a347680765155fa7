package eu.cloudmarket.model;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A read-only view of the market's state, for tests and debugging: named state variables, and the quantities tests
 * check against analytic results. It reads the live state; it changes nothing but the lazily refreshed utility
 * tables.
 */
public final class MarketView {
    private final Roster roster;
    private final Buyers buyers;
    private final ProviderState providers;
    private final Capacity capacity;
    private final Regulation regulation;
    private final SegmentState segments;
    private final ContractBook book;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final NestedLogit logit;
    private final OrderBook orders;
    private final CostModel costs;
    private final QuarterState quarter;

    MarketView(Roster roster, Buyers buyers, ProviderState providers, Capacity capacity, Regulation regulation,
            SegmentState segments, ContractBook book, UtilityTables tables, ChoiceSets choiceSets, NestedLogit logit,
            OrderBook orders, CostModel costs, QuarterState quarter) {
        this.roster = roster;
        this.buyers = buyers;
        this.providers = providers;
        this.capacity = capacity;
        this.regulation = regulation;
        this.segments = segments;
        this.book = book;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.logit = logit;
        this.orders = orders;
        this.costs = costs;
        this.quarter = quarter;
    }

    public int providerCount() {
        return roster.nP;
    }

    public int segmentCount() {
        return roster.nG;
    }

    public int countryCount() {
        return roster.nC;
    }

    /** Calibrated quality δ_j. */
    public double quality(int j) {
        return providers.delta[j];
    }

    /** Calibrated outside (on-premises) utility δ_0g. */
    public double outsideUtility(int g) {
        return segments.deltaOutside[g];
    }

    /** Customers of provider j in segment g; j = {@link #providerCount()} counts the buyers on premises. */
    public int customers(int j, int g) {
        return book.customers(j, g);
    }

    public double priceGeneral(int j) {
        return providers.priceGen[j];
    }

    public double capacityGeneral(int j) {
        return capacity.capGen[j];
    }

    /** Current sovereignty aversion of segment g toward an origin (base plus decayed shocks). */
    public double sovereigntyAversion(int g, Origin o) {
        tables.invalidate();
        tables.refresh();
        return tables.sovereigntyAversion(g, o);
    }

    /**
     * A flat view of the market's state variables by name (provider-, tier-, country- and segment-indexed values),
     * for tests that check an event changes exactly what it should, and for debugging.
     */
    public SortedMap<String, Double> stateVector() {
        tables.invalidate();
        tables.refresh();
        SortedMap<String, Double> m = new TreeMap<>();
        for (int j = 0; j < roster.nP; j++) {
            putProvider(m, j);
        }
        for (int t = 0; t < roster.nT; t++) {
            for (Origin o : Origin.values()) {
                String p = "exportRule." + roster.tierId(t) + "." + o;
                m.put(p + ".licenceProbability", regulation.licenceProb[t][o.ordinal()]);
                m.put(p + ".levy", regulation.levy[t][o.ordinal()]);
            }
        }
        for (Origin o : Origin.values()) {
            m.put("counterGuidance." + o, regulation.refusal[o.ordinal()]);
        }
        for (int g = 0; g < roster.nG; g++) {
            String p = "segment." + roster.segmentId(g) + ".";
            m.put(p + "betaUs", tables.sovereigntyAversion(g, Origin.US));
            m.put(p + "betaCn", tables.sovereigntyAversion(g, Origin.CN));
            m.put(p + "growthIndex", segments.growthIndex[g]);
            m.put(p + "aiIntensity", segments.aiIntensity[g]);
        }
        return m;
    }

    private void putProvider(SortedMap<String, Double> m, int j) {
        String p = roster.providerId(j) + ".";
        m.put(p + "priceGeneral", providers.priceGen[j]);
        m.put(p + "priceAi", providers.priceAi[j]);
        m.put(p + "costGeneral", costs.costGen(j));
        m.put(p + "costAi", costs.costAi(j));
        m.put(p + "capacityGeneral", capacity.capGen[j]);
        m.put(p + "capacityAi", capacity.capAi(j));
        m.put(p + "pipelineGeneral", capacity.pipelineGen[j]);
        m.put(p + "pipelineAi", capacity.pipelineAi[j]);
        m.put(p + "exposureUs", providers.expUs[j]);
        m.put(p + "exposureCn", providers.expCn[j]);
        m.put(p + "egressLevel", providers.egress[j]);
        m.put(p + "licensingWedge", providers.wedge[j]);
        m.put(p + "switchingTechMultiplier", providers.techMult[j]);
        m.put(p + "priceHeldThrough", (double) providers.holdThrough[j]);
        m.put(p + "pendingOrders", (double) orders.pending(j));
        m.put(p + "ordersAwaitingReview", (double) orders.awaitingReview(j));
        ScreeningOutcome standing = regulation.screeningStanding[j];
        m.put(p + "screeningStanding", standing == null ? 0.0 : standing.code());
        for (int t = 0; t < roster.nT; t++) {
            m.put(p + "tierVolume." + roster.tierId(t), capacity.tierVolume[j][t]);
            m.put(p + "tierPerformance." + roster.tierId(t), capacity.tierPerformance[j][t]);
        }
        for (int c = 0; c < roster.nC; c++) {
            int q = quarter.index();
            m.put(p + "excluded." + roster.countryId(c), regulation.excludedUntil[c][j] > q ? 1.0 : 0.0);
            m.put(p + "serves." + roster.countryId(c), regulation.serves[c][j] ? 1.0 : 0.0);
        }
    }

    // ---- the calibration's inputs, for the calibration tests in this package

    Roster roster() {
        return roster;
    }

    Buyers buyers() {
        return buyers;
    }

    UtilityTables utilities() {
        return tables;
    }

    boolean[][] availability() {
        return choiceSets.availability();
    }

    NestedLogit logit() {
        return logit;
    }
}
