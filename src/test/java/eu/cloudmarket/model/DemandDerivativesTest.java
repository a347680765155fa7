package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The elasticities and diversion ratios of {@link DemandDerivatives} against computations written here independently
 * of it (and of {@link NestedLogit}): the textbook closed forms of the plain and the nested logit for identical buyers,
 * and central finite differences of the same expected demand for heterogeneous buyers.
 */
class DemandDerivativesTest {
    /** Nests of the five test providers: three US, one EU, one CN. */
    private static final int[] NESTS = {0, 0, 0, 1, 2};
    private static final int NP = NESTS.length;
    private static final double[] DELTA = {1.2, 0.9, 0.4, 0.3, -0.5};
    private static final double[] PRICE = {1.0, 0.95, 1.1, 0.9, 0.7};
    private static final double ALPHA = 2.5;
    /** Closed forms are evaluated in the same double arithmetic: they agree to rounding. */
    private static final double CLOSED_FORM = 1e-12;
    /** Central differences against the analytic derivatives, relative (the brief's 1e-6). */
    private static final double FINITE_DIFFERENCE = 1e-6;
    /** Relative step of the central differences: truncation ~1e-10, rounding ~1e-11 for these demands. */
    private static final double STEP = 1e-5;

    private static NestedLogit logit(double sigma) {
        return new NestedLogit(NESTS, 3, sigma);
    }

    /**
     * Choice probabilities written out from the nested-logit formula, outside option last: P_j = P(j|n)·P(n), with
     * P(j|n) = exp(V_j/(1−σ))/S_n and P(n) = S_n^(1−σ)/(exp(V_0) + Σ_m S_m^(1−σ)).
     */
    private static double[] probabilities(double[] v, boolean[] available, double v0, double sigma) {
        double[] s = new double[3];
        for (int j = 0; j < NP; j++) {
            if (available[j]) {
                s[NESTS[j]] += Math.exp(v[j] / (1 - sigma));
            }
        }
        double den = Math.exp(v0);
        for (double sn : s) {
            den += sn > 0 ? Math.pow(sn, 1 - sigma) : 0;
        }
        double[] p = new double[NP + 1];
        for (int j = 0; j < NP; j++) {
            if (available[j]) {
                int n = NESTS[j];
                p[j] = Math.exp(v[j] / (1 - sigma)) / s[n] * Math.pow(s[n], 1 - sigma) / den;
            }
        }
        p[NP] = Math.exp(v0) / den;
        return p;
    }

    /** Within-nest shares P(j|n) of the formula above. */
    private static double[] withinShares(double[] v, double sigma) {
        double[] s = new double[3];
        for (int j = 0; j < NP; j++) {
            s[NESTS[j]] += Math.exp(v[j] / (1 - sigma));
        }
        double[] c = new double[NP];
        for (int j = 0; j < NP; j++) {
            c[j] = Math.exp(v[j] / (1 - sigma)) / s[NESTS[j]];
        }
        return c;
    }

    /** {@code buyers} identical buyers with utilities δ_j − α·p_j, outside utility 0, one product of one unit each. */
    private static PriceElasticities identicalBuyers(double sigma, int buyers) {
        DemandDerivatives d = new DemandDerivatives(logit(sigma), NP, 1);
        boolean[] all = new boolean[NP];
        Arrays.fill(all, true);
        double[][] weight = {new double[NP]};
        Arrays.fill(weight[0], ALPHA);
        for (int i = 0; i < buyers; i++) {
            d.add(utilities(), all, 0, new double[] {1}, weight);
        }
        return d.result(new double[][] {PRICE});
    }

    private static double[] utilities() {
        double[] v = new double[NP];
        for (int j = 0; j < NP; j++) {
            v[j] = DELTA[j] - ALPHA * PRICE[j];
        }
        return v;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected) + 1e-13, what);
    }

    @Test
    void plainLogitMatchesClosedForms() {
        boolean[] all = new boolean[NP];
        Arrays.fill(all, true);
        double[] s = probabilities(utilities(), all, 0, 0);
        PriceElasticities e = identicalBuyers(0, 7);
        var x = PriceElasticities.Product.GENERAL;
        for (int j = 0; j <= NP; j++) {
            for (int k = 0; k < NP; k++) {
                // own: −α p_j (1 − s_j); cross (rivals and the outside option alike): α p_k s_k
                double expected = j == k ? -ALPHA * PRICE[j] * (1 - s[j]) : ALPHA * PRICE[k] * s[k];
                assertClose(expected, e.elasticity(x, j, k), CLOSED_FORM, "e[" + j + "][" + k + "]");
                if (j != k) {
                    // diversion k → j: s_j / (1 − s_k)
                    assertClose(s[j] / (1 - s[k]), e.diversion(x, j, k), CLOSED_FORM, "DR[" + k + "→" + j + "]");
                }
            }
        }
    }

    @Test
    void nestedLogitMatchesClosedForms() {
        double sigma = 0.4;
        boolean[] all = new boolean[NP];
        Arrays.fill(all, true);
        double[] v = utilities();
        double[] s = probabilities(v, all, 0, sigma);
        double[] within = withinShares(v, sigma);
        double ratio = sigma / (1 - sigma);
        PriceElasticities e = identicalBuyers(sigma, 3);
        var x = PriceElasticities.Product.GENERAL;
        for (int j = 0; j <= NP; j++) {
            for (int k = 0; k < NP; k++) {
                double expected;
                if (j == k) {
                    // own: −α p_j [1/(1−σ) − σ/(1−σ) s_(j|g) − s_j]
                    expected = -ALPHA * PRICE[j] * (1 / (1 - sigma) - ratio * within[j] - s[j]);
                } else if (j < NP && NESTS[j] == NESTS[k]) {
                    // same nest: α p_k [σ/(1−σ) s_(k|g) + s_k]
                    expected = ALPHA * PRICE[k] * (ratio * within[k] + s[k]);
                } else {
                    // another nest or the outside option: α p_k s_k
                    expected = ALPHA * PRICE[k] * s[k];
                }
                assertClose(expected, e.elasticity(x, j, k), CLOSED_FORM, "e[" + j + "][" + k + "]");
            }
        }
        // Within a nest, diversion exceeds the share-proportional s_j/(1 − s_k) of the plain logit.
        assertTrue(e.diversion(x, 1, 0) > s[1] / (1 - s[0]));
    }

    /** Heterogeneous buyers with two products: tastes, blends, licence wedges, switching costs, choice sets. */
    private static final class Sample {
        final int n;
        final double[][] u;
        final double[] alpha;
        final double[] blend;
        final double[][] omega;
        final double[] kappa;
        final int[] status;
        final boolean[][] available;
        final double[][] units;
        final double sigma;

        Sample(long seed, int n, double sigma) {
            SplittableRandom rng = new SplittableRandom(seed);
            this.n = n;
            this.sigma = sigma;
            u = new double[n][NP];
            alpha = new double[n];
            blend = new double[n];
            omega = new double[n][NP];
            kappa = new double[n];
            status = new int[n];
            available = new boolean[n][NP];
            units = new double[n][2];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < NP; j++) {
                    u[i][j] = DELTA[j] + rng.nextDouble(-0.5, 0.5);
                    omega[i][j] = 1 + rng.nextDouble(0, 0.3);
                    available[i][j] = rng.nextDouble() < 0.8;
                }
                available[i][0] = true;
                alpha[i] = ALPHA * Math.exp(rng.nextDouble(-0.7, 0.7));
                blend[i] = rng.nextDouble(0, 0.6);
                kappa[i] = rng.nextDouble(0, 1.5);
                status[i] = rng.nextInt(NP + 1);
                if (status[i] < NP) {
                    available[i][status[i]] = true;
                }
                double q = Math.exp(rng.nextDouble(-1, 1));
                units[i][0] = q * (1 - blend[i]);
                units[i][1] = q * blend[i];
            }
        }

        private double kappaAway(int i, int k) {
            return k == status[i] ? 0 : kappa[i];
        }

        private double outside(int i) {
            return status[i] == NP ? 0 : -kappa[i];
        }

        /** V_ik at prices pGen, pAi. */
        double[] utilities(int i, double[] pGen, double[] pAi) {
            double[] v = new double[NP];
            for (int k = 0; k < NP; k++) {
                double b = ((1 - blend[i]) * pGen[k] + blend[i] * pAi[k]) * omega[i][k];
                v[k] = u[i][k] - alpha[i] * b - kappaAway(i, k);
            }
            return v;
        }

        /** D_j^x at the given prices, outside option last, from the probabilities written out in this test. */
        double[][] demand(double[] pGen, double[] pAi) {
            double[][] d = new double[2][NP + 1];
            for (int i = 0; i < n; i++) {
                double[] p = probabilities(utilities(i, pGen, pAi), available[i], outside(i), sigma);
                for (int x = 0; x < 2; x++) {
                    for (int j = 0; j <= NP; j++) {
                        d[x][j] += units[i][x] * p[j];
                    }
                }
            }
            return d;
        }

        PriceElasticities analytic(double[] pGen, double[] pAi) {
            DemandDerivatives d = new DemandDerivatives(logit(sigma), NP, 2);
            for (int i = 0; i < n; i++) {
                double[][] weight = new double[2][NP];
                for (int k = 0; k < NP; k++) {
                    weight[0][k] = alpha[i] * (1 - blend[i]) * omega[i][k];
                    weight[1][k] = alpha[i] * blend[i] * omega[i][k];
                }
                d.add(utilities(i, pGen, pAi), available[i], outside(i), units[i], weight);
            }
            return d.result(new double[][] {pGen, pAi});
        }
    }

    private static final double[] PRICE_AI = {1.3, 1.2, 1.25, 1.5, 0.8};

    @Test
    void heterogeneousBuyersMatchCentralDifferences() {
        for (double sigma : new double[] {0, 0.3, 0.7}) {
            Sample m = new Sample(11, 60, sigma);
            PriceElasticities e = m.analytic(PRICE, PRICE_AI);
            double[][] d0 = m.demand(PRICE, PRICE_AI);
            for (var x : PriceElasticities.Product.values()) {
                int xi = x.ordinal();
                for (int k = 0; k < NP; k++) {
                    double[][] prices = {PRICE.clone(), PRICE_AI.clone()};
                    double pk = prices[xi][k];
                    double h = STEP * pk;
                    prices[xi][k] = pk + h;
                    double[][] up = m.demand(prices[0], prices[1]);
                    prices[xi][k] = pk - h;
                    double[][] down = m.demand(prices[0], prices[1]);
                    for (int j = 0; j <= NP; j++) {
                        double slope = (up[xi][j] - down[xi][j]) / (2 * h);
                        double expected = slope * pk / d0[xi][j];
                        assertClose(expected, e.elasticity(x, j, k), FINITE_DIFFERENCE,
                                "σ=" + sigma + " " + x + " e[" + j + "][" + k + "]");
                    }
                }
            }
        }
    }

    @Test
    void diversionRatiosFromEachProviderSumToOne() {
        for (double sigma : new double[] {0, 0.3, 0.7}) {
            PriceElasticities e = new Sample(5, 40, sigma).analytic(PRICE, PRICE_AI);
            for (var x : PriceElasticities.Product.values()) {
                for (int k = 0; k < NP; k++) {
                    double sum = 0;
                    for (int j = 0; j <= NP; j++) {
                        if (j != k) {
                            double dr = e.diversion(x, j, k);
                            assertTrue(dr >= 0, "σ=" + sigma + " " + x + " DR[" + k + "→" + j + "] = " + dr);
                            sum += dr;
                        }
                    }
                    assertEquals(1.0, sum, 1e-12, "σ=" + sigma + " " + x + " diversions from " + k);
                    assertTrue(Double.isNaN(e.diversion(x, k, k)), "no diversion from a provider to itself");
                }
            }
        }
    }

    @Test
    void aSupplierWithoutDemandHasNoElasticity() {
        DemandDerivatives d = new DemandDerivatives(logit(0.3), NP, 1);
        boolean[] someone = {true, true, false, true, true};
        double[][] weight = {new double[NP]};
        Arrays.fill(weight[0], ALPHA);
        d.add(utilities(), someone, 0, new double[] {1}, weight);
        PriceElasticities e = d.result(new double[][] {PRICE});
        var x = PriceElasticities.Product.GENERAL;
        assertTrue(Double.isNaN(e.elasticity(x, 2, 2)), "own elasticity of an unavailable provider");
        assertTrue(Double.isNaN(e.diversion(x, 0, 2)), "diversion from an unavailable provider");
        assertEquals(0.0, e.elasticity(x, 0, 2), "rivals do not respond to the price of an unavailable provider");
    }
}
