package eu.cloudmarket.model;

/**
 * Which providers a buyer may choose: those serving its country and not excluded there, plus its own provider if that
 * one is excluded but lets incumbents stay. One nested-logit plan per (country, current provider or on premises),
 * rebuilt whenever the regulatory state changes.
 */
final class ChoiceSets {
    private final int nP;
    private final int nC;
    private final Regulation regulation;
    private final NestedLogit logit;
    /** [country][provider]: available to every buyer in the country. */
    private final boolean[][] availableByCountry;
    /** The choice plans of the availability patterns, [country × (current provider or on premises)]. */
    private final NestedLogit.Plan[] plans;
    private final boolean[] scratch;

    ChoiceSets(Roster r, Regulation regulation, NestedLogit logit) {
        nP = r.nP;
        nC = r.nC;
        this.regulation = regulation;
        this.logit = logit;
        availableByCountry = new boolean[nC][nP];
        plans = new NestedLogit.Plan[nC * (nP + 1)];
        for (int p = 0; p < plans.length; p++) {
            plans[p] = logit.newPlan();
        }
        scratch = new boolean[nP];
    }

    /** Rebuilds the choice sets for the given quarter. */
    void refresh(int quarter) {
        for (int c = 0; c < nC; c++) {
            for (int j = 0; j < nP; j++) {
                availableByCountry[c][j] = regulation.available(c, j, quarter);
            }
            for (int k = 0; k <= nP; k++) {
                for (int j = 0; j < nP; j++) {
                    scratch[j] = availableByCountry[c][j] || (j == k && regulation.incumbentsStay[c][j]);
                }
                logit.plan(scratch, plan(c, k));
            }
        }
    }

    /** The choice plan of a buyer in country c whose current provider is k ({@link Buyers#onPremises} if none). */
    NestedLogit.Plan plan(int c, int k) {
        return plans[c * (nP + 1) + k];
    }

    /** The plans themselves, for the buyer decision's hot loop (indexed as in {@link #plan}). */
    NestedLogit.Plan[] plans() {
        return plans;
    }

    /** [country][provider] availability to every buyer in the country (read only). */
    boolean[][] availability() {
        return availableByCountry;
    }
}
