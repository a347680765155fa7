package eu.cloudmarket.model;

import eu.cloudmarket.model.params.SegmentParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of each buyer segment: its workload growth and AI intensity (which set the compute units a unit of base
 * workload needs), the utility of staying on premises, and the sovereignty shocks to its aversion toward foreign
 * providers.
 */
final class SegmentState {
    private final SegmentParams[] sp;
    private final int nG;
    final double[] growthIndex;
    /** Product of the AI-demand shocks' growth multipliers, on top of the trend. */
    private final double[] growthShock;
    final double[] aiIntensity;
    /** General and AI units per unit of base workload ({@link #genPerWorkload}, {@link #aiPerWorkload}). */
    private final double[] genPer;
    private final double[] aiPer;
    /** Outside (on-premises) utility δ_0g, calibrated at the start. */
    final double[] deltaOutside;
    private final List<SovereigntyShock> shocks = new ArrayList<>();

    /** A shock to the aversion toward one origin, per segment, decaying with a half-life from its start. */
    private record SovereigntyShock(Origin target, double[] perSegment, double start, double halfLife) {
    }

    SegmentState(Roster r) {
        sp = r.sp;
        nG = r.nG;
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
    }

    /** Moves the growth indices to {@code years} after the start: trend growth times the shocks so far. */
    void startQuarter(double years) {
        for (int g = 0; g < nG; g++) {
            growthIndex[g] = Math.pow(1 + sp[g].workloadGrowthPerYear(), years) * growthShock[g];
        }
        refreshWorkloadUnits();
    }

    /** E14: multiplies segment g's workload growth and AI intensity from now on. */
    void shockAiDemand(int g, double growthMultiplier, double gpuIntensityMultiplier) {
        growthShock[g] *= growthMultiplier;
        growthIndex[g] *= growthMultiplier;
        aiIntensity[g] *= gpuIntensityMultiplier;
        refreshWorkloadUnits();
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

    /** The general-units column itself, for the buyer decision's hot loop (read only). */
    double[] genPerWorkload() {
        return genPer;
    }

    /** The AI-units column itself, for the buyer decision's hot loop (read only). */
    double[] aiPerWorkload() {
        return aiPer;
    }

    private void refreshWorkloadUnits() {
        for (int g = 0; g < nG; g++) {
            genPer[g] = growthIndex[g] * (1 - sp[g].aiShare());
            aiPer[g] = growthIndex[g] * sp[g].aiShare() * aiIntensity[g];
        }
    }

    /** E6: adds a sovereignty shock starting at time {@code now}. */
    void addSovereigntyShock(Origin target, double[] perSegment, double now, double halfLifeQuarters) {
        shocks.add(new SovereigntyShock(target, perSegment.clone(), now, halfLifeQuarters));
    }

    /**
     * Each segment's aversion toward US and Chinese providers at time t: the configured base plus every shock so far,
     * halved per half-life since its start.
     */
    void sovereigntyAversions(double t, double[] us, double[] cn) {
        for (int g = 0; g < nG; g++) {
            us[g] = sp[g].betaUs();
            cn[g] = sp[g].betaCn();
        }
        for (SovereigntyShock s : shocks) {
            double decay = Math.pow(0.5, Math.max(0, t - s.start()) / s.halfLife());
            double[] d = s.perSegment();
            for (int g = 0; g < nG; g++) {
                if (s.target() == Origin.US) {
                    us[g] += d[g] * decay;
                } else if (s.target() == Origin.CN) {
                    cn[g] += d[g] * decay;
                }
            }
        }
    }
}
