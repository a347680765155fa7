package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * What each scenario event does to the market state (E1–E15): the market's {@link MarketControls}. Effects that land
 * after a delay (screening decisions, designations) are kept as deferred actions and run at their time.
 */
final class EventEffects implements MarketControls {
    private final Roster roster;
    private final int horizon;
    private final ProviderState providers;
    private final Capacity capacity;
    private final Regulation regulation;
    private final SegmentState segments;
    private final ContractBook book;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final CapacityPlanner planner;
    private final ScreeningReview screening;
    private final QuarterState quarter;
    private final Scheduler scheduler;
    private final List<Runnable> deferred = new ArrayList<>();
    private final EventHandler deferredHandler = (s, idx) -> runDeferred(idx);

    EventEffects(Roster roster, int horizon, ProviderState providers, Capacity capacity, Regulation regulation,
            SegmentState segments, ContractBook book, UtilityTables tables, ChoiceSets choiceSets,
            CapacityPlanner planner, ScreeningReview screening, QuarterState quarter, Scheduler scheduler) {
        this.roster = roster;
        this.horizon = horizon;
        this.providers = providers;
        this.capacity = capacity;
        this.regulation = regulation;
        this.segments = segments;
        this.book = book;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.planner = planner;
        this.screening = screening;
        this.quarter = quarter;
        this.scheduler = scheduler;
    }

    @Override
    public int providerIndex(String id) {
        return roster.providerIndex(id);
    }

    @Override
    public int segmentIndex(String id) {
        return roster.segmentIndex(id);
    }

    @Override
    public int countryIndex(String id) {
        return roster.countryIndex(id);
    }

    @Override
    public int tierIndex(String id) {
        return roster.tierIndex(id);
    }

    @Override
    public int segmentCount() {
        return roster.nG;
    }

    @Override
    public int[] providersMatching(String id) {
        return roster.providersMatching(id);
    }

    @Override
    public int[] segmentsMatching(String id) {
        return roster.segmentsMatching(id);
    }

    @Override
    public void changePrice(int j, String product, double factor, boolean costBasis, int holdQuarters) {
        boolean gen = !product.equals("ai");
        boolean ai = !product.equals("general");
        if (costBasis) {
            if (gen) {
                providers.costMultGen[j] *= factor;
            }
            if (ai) {
                providers.costMultAi[j] *= factor;
            }
        } else {
            if (gen) {
                providers.priceGen[j] *= factor;
            }
            if (ai) {
                providers.priceAi[j] *= factor;
            }
            int now = (int) Math.floor(scheduler.now());
            providers.holdThrough[j] = Math.max(providers.holdThrough[j], now + holdQuarters);
        }
        tables.invalidate();
    }

    @Override
    public void setExportRule(int tier, Origin target, double licenceProbability, double levyShare) {
        regulation.licenceProb[tier][target.ordinal()] = licenceProbability;
        regulation.levy[tier][target.ordinal()] = levyShare;
    }

    @Override
    public void setCounterGuidance(Origin o, double refusalShare) {
        regulation.refusal[o.ordinal()] = refusalShare;
    }

    @Override
    public void rampTier(int j, int t, double volumePerQuarter, double performance) {
        capacity.tierVolume[j][t] = volumePerQuarter;
        capacity.tierPerformance[j][t] = performance;
    }

    /** The review starts now; the decision lands after the review delay. */
    @Override
    public void screeningDecision(int j, ScreeningOutcome outcome, double reviewQuarters) {
        defer(reviewQuarters, () -> screening.decide(j, outcome));
    }

    @Override
    public void addSovereigntyShock(Origin target, double[] perSegment, double halfLifeQuarters) {
        segments.addSovereigntyShock(target, perSegment, scheduler.now(), halfLifeQuarters);
        tables.invalidate();
    }

    @Override
    public void launchSovereignOffer(int j, double exposureReduction, double costPremium) {
        providers.expUs[j] *= 1 - exposureReduction;
        providers.expCn[j] *= 1 - exposureReduction;
        providers.costMultGen[j] *= 1 + costPremium;
        providers.costMultAi[j] *= 1 + costPremium;
        choiceSets.refresh(quarter.index()); // a lower exposure may make j eligible under a procurement rule
        tables.invalidate();
    }

    @Override
    public void setEgressLevel(int j, double level) {
        providers.egress[j] = level;
    }

    @Override
    public void setLicensingWedge(int j, double w) {
        providers.wedge[j] = w;
        tables.invalidate();
    }

    @Override
    public void orderCapacity(int j, boolean ai, double share, boolean lease, int lead, double premium, int country) {
        planner.orderCapacity(j, ai, share, lease, lead, premium, country);
    }

    /** From now on buyers in country c cannot choose provider j; installed customers leave at renewal. */
    @Override
    public void exclude(int c, int j, int durationQuarters, boolean incumbentsMayStay) {
        int from = (int) Math.floor(scheduler.now());
        regulation.excludedUntil[c][j] = durationQuarters == 0 ? Integer.MAX_VALUE : from + durationQuarters;
        regulation.incumbentsStay[c][j] = incumbentsMayStay;
        choiceSets.refresh(quarter.index());
    }

    /**
     * From now on segment g contracts only with providers whose exposures are within the limits; contracts already
     * signed run to their end, and installed customers of an ineligible provider renew with it only if
     * {@code incumbentsMayStay}.
     */
    @Override
    public void restrictProcurement(int g, double maxExposureUs, double maxExposureCn, int durationQuarters,
            boolean incumbentsMayStay) {
        int from = (int) Math.floor(scheduler.now());
        regulation.procurementMaxUs[g] = maxExposureUs;
        regulation.procurementMaxCn[g] = maxExposureCn;
        regulation.procurementUntil[g] = durationQuarters == 0 ? Integer.MAX_VALUE : from + durationQuarters;
        regulation.procurementIncumbentsStay[g] = incumbentsMayStay;
        choiceSets.refresh(quarter.index());
    }

    @Override
    public void designate(int j, double switchingTechMultiplier, boolean removeWedge, int lagQuarters) {
        defer(lagQuarters, () -> {
            providers.techMult[j] *= switchingTechMultiplier;
            if (removeWedge) {
                providers.wedge[j] = 0;
            }
        });
    }

    @Override
    public void shockAiDemand(int g, double growthMultiplier, double gpuIntensityMultiplier) {
        segments.shockAiDemand(g, growthMultiplier, gpuIntensityMultiplier);
        book.recomputeLoads();
        tables.invalidate();
    }

    /** Runs {@code action} after {@code delay} quarters (at once if zero; never if beyond the horizon). */
    private void defer(double delay, Runnable action) {
        int idx = deferred.size();
        deferred.add(action);
        double at = scheduler.now() + delay;
        if (delay == 0) {
            runDeferred(idx);
        } else if (at < horizon) {
            scheduler.schedule(at, Phase.EXOGENOUS, deferredHandler, idx);
        }
    }

    private void runDeferred(int idx) {
        deferred.get(idx).run();
        tables.invalidate();
    }
}
