package eu.cloudmarket.model;

import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.model.params.SegmentParams;

/**
 * A buyer's choice of provider: a nested-logit draw among the providers it may choose and the outside option, with
 * utilities from the {@link UtilityTables}, its own tastes and its switching cost; a provider without room for the
 * buyer's workload rations it out and the buyer draws again without that provider.
 *
 * <p>This is the model's hot path (one call per renewal, about 10^6 per simulated year, and the subject of
 * {@code ChoiceBenchmark}): it reads the tables' arrays directly, allocates nothing and calls no virtual method.
 */
final class BuyerDecision {
    /** Relative tolerance of the capacity check, so that rounding in the loads does not ration a fitting buyer. */
    private static final double CAPACITY_TOLERANCE = 1e-9;
    private final int nP;
    private final int onPremises;
    private final Buyers buyers;
    private final SegmentParams[] sp;
    private final double[] techMult;
    private final double[] egress;
    private final double[][] baseU;
    private final double[][] blend;
    private final double[] u0;
    private final double[] capAiNow;
    private final double[] genPer;
    private final double[] aiPer;
    private final double[] loadGen;
    private final double[] loadAi;
    private final double[] capGen;
    private final double[] rationed;
    private final NestedLogit.Plan[] plans;
    private final NestedLogit logit;
    private final int plansPerCountry;
    private final double[] cloudQ;
    private final double[] cloudLimit;
    private final long choiceKey;
    private final long initKey;
    private final double[] v;
    private final boolean[] avail;

    BuyerDecision(Roster r, Buyers buyers, ProviderState providers, UtilityTables tables, SegmentState segments,
            ContractBook book, Capacity capacity, ChoiceSets choiceSets, NestedLogit logit, AdoptionDrift adoption,
            long choiceKey, long initKey) {
        nP = r.nP;
        onPremises = buyers.onPremises;
        this.buyers = buyers;
        sp = r.sp;
        techMult = providers.techMult;
        egress = providers.egress;
        baseU = tables.baseU;
        blend = tables.blend;
        u0 = tables.u0;
        capAiNow = tables.capAiNow;
        genPer = segments.genPerWorkload();
        aiPer = segments.aiPerWorkload();
        loadGen = book.loadGen;
        loadAi = book.loadAi;
        capGen = capacity.capGen;
        rationed = book.rationed;
        plans = choiceSets.plans();
        this.logit = logit;
        plansPerCountry = r.nG * (nP + 1);
        cloudQ = book.cloudQ;
        cloudLimit = adoption.cloudLimit;
        this.choiceKey = choiceKey;
        this.initKey = initKey;
        v = new double[nP];
        avail = new boolean[nP];
    }

    /**
     * Buyer i's decision at a renewal in the given quarter; returns the provider index, or {@link Buyers#onPremises}.
     * Records rationed workload but changes no books; the tables must be fresh. Used by the decision benchmark.
     */
    int choose(int i, int quarter) {
        Buyers b = buyers;
        return choose(b.id[i], b.provider[i], b.segment[i], b.country[i], b.workload[i], b.alphaMult[i],
                b.kappaMult[i], b.dataIntensity[i], quarter);
    }

    /**
     * {@link #choose(int, int)} with the buyer's columns already read: id, status k, segment g, country c, workload q
     * and tastes. Hot loop (see the class comment): 30 lines kept in one piece so that the JIT compiles it whole.
     */
    int choose(int id, int k, int g, int c, float q, float alphaMult, float kappaMult, float dataIntensity,
            int quarter) {
        SegmentParams s = sp[g];
        double kap = switchingCost(k, g, kappaMult, dataIntensity);
        double alpha = s.alpha() * alphaMult;
        double[] bu = baseU[g];
        double[] bl = blend[g];
        for (int j = 0; j < nP; j++) {
            v[j] = bu[j] - alpha * bl[j] - (j == k ? 0 : kap);
        }
        double v0 = u0[g] - kap;
        double qd = q;
        double addGen = qd * genPer[g];
        double addAi = qd * aiPer[g];
        NestedLogit.Plan plan = plans[c * plansPerCountry + g * (nP + 1) + k];
        int j = logit.choose(v, plan, v0, RandomStreams.uniform(choiceKey, id, DrawSlots.choice(quarter, 0)));
        for (int attempt = 1; j >= 0; attempt++) {
            if (k == onPremises && cloudQ[g] + qd > cloudLimit[g]) {
                return onPremises; // the segment is at its adoption ceiling (AdoptionDrift)
            }
            boolean fits = j == k || (loadGen[j] + addGen <= capGen[j] * (1 + CAPACITY_TOLERANCE)
                    && loadAi[j] + addAi <= capAiNow[j] * (1 + CAPACITY_TOLERANCE));
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
            j = logit.choose(v, avail, v0, RandomStreams.uniform(choiceKey, id, DrawSlots.choice(quarter, attempt)));
        }
        return onPremises;
    }

    /**
     * Switching cost κ_i, in logit units, of a buyer of segment g leaving provider k (zero on premises): the technical
     * part scaled by k's switching friction plus the egress part scaled by k's egress level and the buyer's data
     * intensity, times the buyer's multiplier.
     */
    double switchingCost(int k, int g, float kappaMult, float dataIntensity) {
        if (k == onPremises) {
            return 0;
        }
        SegmentParams s = sp[g];
        return kappaMult * (s.switchingTech() * techMult[k] + s.switchingEgress() * egress[k] * dataIntensity);
    }

    /**
     * Buyer i's provider at the start: a buyer on premises with no switching cost and no capacity limit; the same
     * draw as {@link NestedLogit#compute} + sample, bit for bit, without filling the probabilities.
     */
    int initialChoice(int i) {
        Buyers b = buyers;
        int g = b.segment[i];
        double alpha = sp[g].alpha() * b.alphaMult[i];
        double[] bu = baseU[g];
        double[] bl = blend[g];
        for (int j = 0; j < nP; j++) {
            v[j] = bu[j] - alpha * bl[j];
        }
        NestedLogit.Plan plan = plans[b.country[i] * plansPerCountry + g * (nP + 1) + onPremises];
        int j = logit.choose(v, plan, u0[g], RandomStreams.uniform(initKey, b.id[i], DrawSlots.INITIAL_CHOICE));
        return j < 0 ? onPremises : j;
    }
}
