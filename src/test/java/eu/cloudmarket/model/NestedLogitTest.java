package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
