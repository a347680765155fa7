package eu.cloudmarket.model;

/**
 * Which providers a buyer may choose: those serving its country and not excluded there, and eligible under its
 * segment's procurement rule (E15), plus its own provider if that one is excluded or ineligible but lets incumbents
 * stay. One nested-logit plan per (country, segment, current provider or on premises), rebuilt whenever the regulatory
 * state or a provider's exposure changes.
 */
final class ChoiceSets {
    private final int nP;
    private final int nG;
    private final int nC;
    private final Regulation regulation;
    private final ProviderState providers;
    private final NestedLogit logit;
    /** [country][provider]: serving the country and not excluded there (before segments' procurement rules). */
    private final boolean[][] availableByCountry;
    /** [country][segment][provider]: available to every buyer of the segment in the country. */
    private final boolean[][][] available;
    /** The choice plans of the availability patterns, [country × segment × (current provider or on premises)]. */
    private final NestedLogit.Plan[] plans;
    private final boolean[] scratch;
    /** [segment][provider]: eligible under the segment's procurement rule, as of the last refresh. */
    private final boolean[][] eligible;

    ChoiceSets(Roster r, Regulation regulation, ProviderState providers, NestedLogit logit) {
        nP = r.nP;
        nG = r.nG;
        nC = r.nC;
        this.regulation = regulation;
        this.providers = providers;
        this.logit = logit;
        availableByCountry = new boolean[nC][nP];
        available = new boolean[nC][nG][nP];
        plans = new NestedLogit.Plan[nC * nG * (nP + 1)];
        for (int p = 0; p < plans.length; p++) {
            plans[p] = logit.newPlan();
        }
        scratch = new boolean[nP];
        eligible = new boolean[nG][nP];
    }

    /** Rebuilds the choice sets for the given quarter. */
    void refresh(int quarter) {
        for (int g = 0; g < nG; g++) {
            for (int j = 0; j < nP; j++) {
                eligible[g][j] = regulation.eligible(g, providers.expUs[j], providers.expCn[j], quarter);
            }
        }
        for (int c = 0; c < nC; c++) {
            for (int j = 0; j < nP; j++) {
                availableByCountry[c][j] = regulation.available(c, j, quarter);
            }
            for (int g = 0; g < nG; g++) {
                refreshSegment(c, g);
            }
        }
    }

    private void refreshSegment(int c, int g) {
        boolean[] ok = eligible[g];
        for (int j = 0; j < nP; j++) {
            available[c][g][j] = availableByCountry[c][j] && ok[j];
        }
        for (int k = 0; k <= nP; k++) {
            for (int j = 0; j < nP; j++) {
                boolean incumbent = j == k;
                scratch[j] = (availableByCountry[c][j] || (incumbent && regulation.incumbentsStay[c][j]))
                        && (ok[j] || (incumbent && regulation.procurementIncumbentsStay[g]));
            }
            logit.plan(scratch, plan(c, g, k));
        }
    }

    /**
     * The choice plan of a buyer in country c and segment g whose current provider is k ({@link Buyers#onPremises}
     * if none).
     */
    NestedLogit.Plan plan(int c, int g, int k) {
        return plans[(c * nG + g) * (nP + 1) + k];
    }

    /** The plans themselves, for the buyer decision's hot loop (indexed as in {@link #plan}). */
    NestedLogit.Plan[] plans() {
        return plans;
    }

    /**
     * [country][provider] availability to every buyer in the country before segments' procurement rules (read only):
     * what the calibration at the start sees, when no rule is in force yet.
     */
    boolean[][] availability() {
        return availableByCountry;
    }

    /** [country][segment][provider] availability to every buyer of a segment in a country (read only). */
    boolean[][][] segmentAvailability() {
        return available;
    }
}
