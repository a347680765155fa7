package eu.cloudmarket.model;

import eu.cloudmarket.engine.Scheduler;
import eu.cloudmarket.model.params.SegmentParams;

/**
 * The parts of buyers' utilities that do not depend on the individual buyer, per segment and provider: the utility
 * before price U_gj (quality, AI quality, sovereignty aversion), the blended, licence-adjusted, deflated price b_gj,
 * and the outside utility u0_g. A buyer's utility of j is U_gj − α_i·b_gj (minus its switching cost). The tables are
 * recomputed lazily: whatever changes their inputs marks them stale ({@link #invalidate}).
 */
final class UtilityTables {
    private static final double QUARTERS_PER_YEAR = 4.0;
    private final Roster roster;
    private final ProviderState providers;
    private final Capacity capacity;
    private final SegmentState segments;
    private final QuarterState quarter;
    private final Scheduler scheduler;
    private final AdoptionDrift adoption;
    private boolean dirty = true;
    /** [segment][provider] U_gj. */
    final double[][] baseU;
    /** [segment][provider] b_gj. */
    final double[][] blend;
    /** [segment] u0_g. */
    final double[] u0;
    private final double[] betaUsNow;
    private final double[] betaCnNow;
    private final double[] aiQualityEff;
    /** capAi(j) as of the last refresh (the fleet changes only where the tables are marked stale). */
    final double[] capAiNow;

    UtilityTables(Roster roster, ProviderState providers, Capacity capacity, SegmentState segments,
            QuarterState quarter, Scheduler scheduler, AdoptionDrift adoption) {
        this.roster = roster;
        this.providers = providers;
        this.capacity = capacity;
        this.segments = segments;
        this.quarter = quarter;
        this.scheduler = scheduler;
        this.adoption = adoption;
        baseU = new double[roster.nG][roster.nP];
        blend = new double[roster.nG][roster.nP];
        u0 = new double[roster.nG];
        betaUsNow = new double[roster.nG];
        betaCnNow = new double[roster.nG];
        aiQualityEff = new double[roster.nP];
        capAiNow = new double[roster.nP];
    }

    /** Marks the tables stale: the next {@link #refresh} recomputes them. */
    void invalidate() {
        dirty = true;
    }

    /** Recomputes the tables if anything changed since the last refresh. */
    void refresh() {
        if (!dirty) {
            return;
        }
        // Shocks decay quarter by quarter: evaluated at the start of the current quarter, so the utilities a buyer
        // sees do not depend on when within the quarter the tables happen to be refreshed.
        double t = Math.floor(scheduler.now());
        segments.sovereigntyAversions(t, betaUsNow, betaCnNow);
        refreshAiQuality();
        double techIndex = quarter.techIndex();
        for (int g = 0; g < roster.nG; g++) {
            SegmentParams s = roster.sp[g];
            double w = segments.blendWeight(g);
            for (int j = 0; j < roster.nP; j++) {
                baseU[g][j] = providers.delta[j] + s.gammaAi() * w * aiQualityEff[j]
                        - Math.max(0, betaUsNow[g]) * providers.expUs[j]
                        - Math.max(0, betaCnNow[g]) * providers.expCn[j];
                blend[g][j] = ((1 - w) * providers.priceGen[j] + w * providers.priceAi[j])
                        * (1 + providers.wedge[j] * s.licensingExposure()) / techIndex;
            }
            u0[g] = segments.deltaOutside[g] - adoption.drift(g, Math.floor(t) / QUARTERS_PER_YEAR);
        }
        dirty = false;
    }

    /** Effective AI quality: the configured quality less the fleet-weighted quality penalty of the chip tiers. */
    private void refreshAiQuality() {
        for (int j = 0; j < roster.nP; j++) {
            double cap = capacity.capAi(j);
            capAiNow[j] = cap;
            double penalty = 0;
            if (cap > 0) {
                for (int tt = 0; tt < roster.nT; tt++) {
                    penalty += capacity.fleet[j][tt] / cap * roster.tp[tt].qualityPenalty();
                }
            }
            aiQualityEff[j] = roster.pp[j].aiQuality() * Math.max(0, 1 - penalty);
        }
    }

    /** Segment g's current aversion toward an origin (base plus decayed shocks), as of the last refresh. */
    double sovereigntyAversion(int g, Origin o) {
        return o == Origin.US ? betaUsNow[g] : o == Origin.CN ? betaCnNow[g] : 0;
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
