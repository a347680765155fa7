package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The nested logit's fast paths (single-alternative nests, fused choose) against the textbook formula evaluated
 * directly with {@code Math.pow}, and {@code choose} against {@code compute} + {@code sample}.
 */
class NestedLogitTest {
    private static final int[] NEST_OF = {0, 0, 0, 0, 1, 2};

    /** P(j) = [e_j / S_n] · S_n^(1-σ) / (exp(v0) + Σ_m S_m^(1-σ)), e_j = exp(v_j / (1-σ)), straight from the formula. */
    private static double[] textbook(double[] v, boolean[] av, double v0, double sigma, double[] cond) {
        double[] sn = new double[3];
        for (int j = 0; j < v.length; j++) {
            if (av[j]) {
                sn[NEST_OF[j]] += Math.exp(v[j] / (1 - sigma));
            }
        }
        double den = Math.exp(v0);
        for (double x : sn) {
            den += x > 0 ? Math.pow(x, 1 - sigma) : 0;
        }
        double[] p = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            if (av[j]) {
                double e = Math.exp(v[j] / (1 - sigma));
                double s = sn[NEST_OF[j]];
                cond[j] = e / s;
                p[j] = cond[j] * Math.pow(s, 1 - sigma) / den;
            }
        }
        return p;
    }

    @Test
    void probabilitiesAndInclusiveValueMatchTheFormula() {
        SplittableRandom r = new SplittableRandom(5);
        for (double sigma : new double[] {0, 0.3, 0.6, 0.95}) {
            NestedLogit logit = new NestedLogit(NEST_OF, 3, sigma);
            for (int trial = 0; trial < 2000; trial++) {
                double[] v = new double[6];
                boolean[] av = new boolean[6];
                for (int j = 0; j < 6; j++) {
                    v[j] = r.nextDouble(-6, 4);
                    av[j] = r.nextInt(4) != 0;
                }
                double v0 = r.nextDouble(-4, 2);
                double[] prob = new double[6];
                double[] cond = new double[6];
                double[] refCond = new double[6];
                double iv = logit.compute(v, av, v0, prob, cond);
                double[] ref = textbook(v, av, v0, sigma, refCond);
                double outside = 1;
                for (int j = 0; j < 6; j++) {
                    assertEquals(ref[j], prob[j], 1e-12 * Math.max(1, ref[j]));
                    assertEquals(refCond[j], cond[j], 1e-12);
                    outside -= prob[j];
                }
                assertEquals(outside, Math.exp(v0 - iv), 1e-12);
                for (int d = 0; d < 20; d++) {
                    double u = r.nextDouble();
                    assertEquals(NestedLogit.sample(prob, 6, u), logit.choose(v, av, v0, u));
                }
            }
        }
    }

    /**
     * The choice with a precomputed plan of the availability pattern is the general choice bit for bit: the same
     * alternative for every uniform, including uniforms placed exactly on the cumulative probabilities (where one
     * rounding difference would change the answer), utilities so low that their exponentials underflow, and patterns
     * with empty nests or nothing available.
     */
    @Test
    void plannedChoiceIsTheGeneralChoiceBitForBit() {
        SplittableRandom r = new SplittableRandom(11);
        for (double sigma : new double[] {0, 0.3, 0.6, 0.95}) {
            NestedLogit logit = new NestedLogit(NEST_OF, 3, sigma);
            NestedLogit.Plan plan = logit.newPlan();
            for (int pattern = 0; pattern < 64; pattern++) {
                boolean[] av = new boolean[6];
                for (int j = 0; j < 6; j++) {
                    av[j] = (pattern >> j & 1) != 0;
                }
                logit.plan(av, plan);
                for (int trial = 0; trial < 300; trial++) {
                    double[] v = new double[6];
                    for (int j = 0; j < 6; j++) {
                        v[j] = trial % 10 == 0 && j % 2 == 0 ? r.nextDouble(-2000, -800) : r.nextDouble(-6, 4);
                    }
                    double v0 = r.nextDouble(-4, 2);
                    double[] prob = new double[6];
                    logit.compute(v, av, v0, prob, null);
                    double c = 0;
                    for (int j = 0; j < 6; j++) {
                        c += prob[j];
                        double[] us = {c, Math.nextDown(c), Math.nextUp(c), r.nextDouble()};
                        for (double u : us) {
                            int expected = logit.choose(v, av, v0, u);
                            assertEquals(expected, logit.choose(v, plan, v0, u),
                                    "sigma " + sigma + ", pattern " + pattern + ", u " + u);
                        }
                    }
                }
            }
        }
    }

    /**
     * The planned choice decides almost every draw on its fast path, and every one of them as the exact arithmetic
     * does: a million random decisions over utilities of the model's range (a few units apart) at each σ.
     */
    @Test
    void plannedChoiceDecidesAlmostAllDrawsFastAndAllOfThemExactly() {
        SplittableRandom r = new SplittableRandom(12);
        boolean[] av = {true, true, true, true, true, true};
        for (double sigma : new double[] {0, 0.3, 0.6}) {
            NestedLogit logit = new NestedLogit(NEST_OF, 3, sigma);
            NestedLogit.Plan plan = logit.newPlan();
            logit.plan(av, plan);
            double[] v = new double[6];
            int draws = 1_000_000;
            for (int i = 0; i < draws; i++) {
                for (int j = 0; j < 6; j++) {
                    v[j] = r.nextDouble(-8, 3);
                }
                double v0 = r.nextDouble(-4, 2);
                double u = r.nextDouble();
                assertEquals(logit.choose(v, av, v0, u), logit.choose(v, plan, v0, u), "sigma " + sigma);
            }
            // The fast path is undecided only within 1e-6 of an interval's ends: about 4e-6 of the draws.
            assertTrue(logit.exactChoices() < draws / 10_000, "exact choices " + logit.exactChoices());
        }
    }

    /**
     * Utilities hundreds of units apart or infinite make the exact arithmetic's exponentials underflow or its sums
     * overflow; the planned choice then makes the exact choice, including its handling of underflow (a nest whose
     * exponentials all underflow has weight 0, even where its power would not). (Utilities that are not a number
     * are not compared: the general and the planned exact arithmetic already treat them differently, and the
     * model's validated parameters cannot produce them.)
     */
    @Test
    void plannedChoiceWithExtremeUtilitiesIsTheExactChoice() {
        SplittableRandom r = new SplittableRandom(13);
        double[] extremes = {-1e6, -2000, -700, -400, 300, 650, 710, 1000, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY};
        for (double sigma : new double[] {0, 0.3, 0.999}) {
            NestedLogit logit = new NestedLogit(NEST_OF, 3, sigma);
            NestedLogit.Plan plan = logit.newPlan();
            for (int trial = 0; trial < 20_000; trial++) {
                boolean[] av = new boolean[6];
                double[] v = new double[6];
                for (int j = 0; j < 6; j++) {
                    av[j] = r.nextInt(5) != 0;
                    v[j] = r.nextInt(3) == 0 ? extremes[r.nextInt(extremes.length)] : r.nextDouble(-5, 5);
                }
                logit.plan(av, plan);
                double v0 = r.nextInt(4) == 0 ? extremes[r.nextInt(extremes.length)] : r.nextDouble(-3, 3);
                double u = r.nextDouble();
                assertEquals(logit.choose(v, av, v0, u), logit.choose(v, plan, v0, u),
                        "sigma " + sigma + ", v0 " + v0 + ", v " + java.util.Arrays.toString(v));
            }
        }
    }
}
