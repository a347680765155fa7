package eu.cloudmarket.model;

/**
 * The drift of the outside option toward the cloud, saturating below a ceiling on adoption. The utility of staying on
 * premises of segment g falls, y years after the start, by
 *
 * <pre>
 *   d_g(y) = D_g · (1 − exp(−r · y / D_g)),   D_g = max(0, ln[(1 − a_g)/a_g · ā/(1 − ā)])
 * </pre>
 *
 * with r = {@code market.adoptionDriftPerYear} (the drift's initial speed), a_g the segment's configured initial
 * adoption ({@code segments.*.cloudAdoption}) and ā = {@code market.adoptionCeiling}. D_g is the fall of the outside
 * utility that would move a segment of identical buyers from a_g to ā at unchanged prices and qualities (the logit odds
 * of staying on premises fall by e^−D), so the drift saturates there; with ā = 1 it is the unbounded linear drift
 * r · y. The path depends only on configured parameters and time, not on the run's state, so every scenario sharing
 * the baseline's parameters has the same preferences in every quarter (a policy's welfare effect is measured at fixed
 * preferences). Because prices, qualities and the buyers' dispersion move adoption too, the ceiling is also enforced
 * on decisions: a buyer on premises whose move would take its segment's cloud workload past ā × its total stays on
 * premises (the check is in {@link BuyerDecision}'s hot loop, against {@link #cloudLimit}). A segment starting above the ceiling takes no new cloud buyers until it is below it.
 */
final class AdoptionDrift {
    private final int nG;
    private final double perYear;
    private final double ceiling;
    /** [segment] the drift's saturation level D_g, in logit units (infinite: no ceiling). */
    private final double[] saturation;
    /** [segment] base workload of all buyers, and the most of it that may be in the cloud. */
    private final double[] total;
    /** [segment] ā × the segment's base workload: the most of it that may be in the cloud. */
    final double[] cloudLimit;

    AdoptionDrift(Roster roster, double driftPerYear, double ceiling) {
        nG = roster.nG;
        this.perYear = driftPerYear;
        this.ceiling = ceiling;
        saturation = new double[nG];
        total = new double[nG];
        cloudLimit = new double[nG];
        java.util.Arrays.fill(cloudLimit, Double.POSITIVE_INFINITY);
        for (int g = 0; g < nG; g++) {
            double a = roster.sp[g].cloudAdoption();
            saturation[g] = ceiling >= 1 ? Double.POSITIVE_INFINITY
                    : Math.max(0, Math.log((1 - a) / a * ceiling / (1 - ceiling)));
        }
    }

    /** Measures each segment's total workload, once the initial contracts are signed. */
    void start(Buyers buyers) {
        java.util.Arrays.fill(total, 0);
        for (int i = 0; i < buyers.n; i++) {
            total[buyers.segment[i]] += buyers.workload[i];
        }
        for (int g = 0; g < nG; g++) {
            cloudLimit[g] = ceiling * total[g];
        }
    }

    /** The drift d_g of segment g's outside utility {@code years} after the start, in logit units. */
    double drift(int g, double years) {
        double d = saturation[g];
        if (d == Double.POSITIVE_INFINITY) {
            return perYear * years;
        }
        return d > 0 ? d * -Math.expm1(-perYear * years / d) : 0;
    }
}
