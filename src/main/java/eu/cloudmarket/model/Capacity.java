package eu.cloudmarket.model;

/**
 * The providers' installed capacity: general compute, the AI fleet by chip tier, the pipeline of orders not yet
 * delivered, the lease and condition premiums carried by the capacity, and each provider's access to the chip tiers
 * (volume limit and performance).
 */
final class Capacity {
    private final int nT;
    final double[] capGen;
    /** Capacity units weighted by their cost premium (leases, screening conditions); depreciate with the capacity. */
    final double[] premiumUnitsGen;
    final double[] premiumUnitsAi;
    /** [provider][tier] AI capacity. */
    final double[][] fleet;
    final double[] fleetCostUnits;
    /** Cost index of the provider's marginal AI unit at the start, the reference of its AI cost. */
    final double[] initialFleetCostIndex;
    final double[] pipelineGen;
    final double[] pipelineAi;
    final double[][] deliveredThisQuarter;
    /** [provider][tier] volume obtainable per quarter, as a share of AI capacity (infinite: no limit). */
    final double[][] tierVolume;
    final double[][] tierPerformance;

    Capacity(Roster r) {
        int nP = r.nP;
        nT = r.nT;
        capGen = new double[nP];
        premiumUnitsGen = new double[nP];
        premiumUnitsAi = new double[nP];
        fleet = new double[nP][nT];
        fleetCostUnits = new double[nP];
        initialFleetCostIndex = new double[nP];
        pipelineGen = new double[nP];
        pipelineAi = new double[nP];
        deliveredThisQuarter = new double[nP][nT];
        tierVolume = new double[nP][nT];
        tierPerformance = new double[nP][nT];
        for (int j = 0; j < nP; j++) {
            for (int t = 0; t < nT; t++) {
                Double vol = r.tp[t].volumePerQuarter();
                tierVolume[j][t] = vol == null ? Double.POSITIVE_INFINITY : vol;
                tierPerformance[j][t] = r.tp[t].performance();
            }
        }
    }

    double capGen(int j) {
        return capGen[j];
    }

    /** AI capacity of provider j: its fleet summed over tiers. */
    double capAi(int j) {
        double s = 0;
        for (int t = 0; t < nT; t++) {
            s += fleet[j][t];
        }
        return s;
    }

    /** Keeps the share {@code keep} of provider j's capacity (and of the premiums it carries) for one quarter. */
    void depreciate(int j, double keep) {
        capGen[j] *= keep;
        premiumUnitsGen[j] *= keep;
        premiumUnitsAi[j] *= keep;
        fleetCostUnits[j] *= keep;
        for (int t = 0; t < nT; t++) {
            fleet[j][t] *= keep;
        }
    }

    /** Forgets the quarter's deliveries (after the recorders have seen them). */
    void clearQuarter() {
        for (double[] row : deliveredThisQuarter) {
            java.util.Arrays.fill(row, 0);
        }
    }
}
