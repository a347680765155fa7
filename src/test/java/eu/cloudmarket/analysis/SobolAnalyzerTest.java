package eu.cloudmarket.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Sobol indices from Saltelli designs against the closed-form indices of the Ishigami function and of Sobol's G
 * function, and the coverage of their bootstrap intervals over independent (differently seeded) repetitions.
 */
class SobolAnalyzerTest {
    private static final double A = 7;
    private static final double B = 0.1;

    private static List<Parameter> ishigamiParameters() {
        return List.of(new Parameter("x1", -Math.PI, Math.PI), new Parameter("x2", -Math.PI, Math.PI),
                new Parameter("x3", -Math.PI, Math.PI));
    }

    private static double ishigami(double[] x) {
        return Math.sin(x[0]) + A * Math.pow(Math.sin(x[1]), 2) + B * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    /**
     * Closed-form partial variances of Ishigami on [−π, π]³ (Ishigami and Homma 1990; Saltelli et al. 2008, §4.7):
     * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13. Returns {S1..., ST...}.
     */
    private static double[][] ishigamiIndices() {
        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = B * B * pi4 * pi4 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return new double[][] {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
    }

    @Test
    void analyticIshigamiIndicesMatchTheIssuesRoundedValues() {
        double[][] s = ishigamiIndices();
        assertArrayClose(new double[] {0.314, 0.442, 0.000}, s[0], 5e-4);
        assertArrayClose(new double[] {0.558, 0.442, 0.244}, s[1], 5e-4);
    }

    @Test
    void ishigamiIndicesAreRecovered() {
        List<SobolIndex> idx = analyse(ishigamiParameters(), SobolAnalyzerTest::ishigami, 8192, 11, 200);
        double[][] exact = ishigamiIndices();
        for (int i = 0; i < 3; i++) {
            SobolIndex s = idx.get(i);
            assertEquals(exact[0][i], s.s1(), 0.02, "S1 of " + s.parameter());
            assertEquals(exact[1][i], s.st(), 0.02, "ST of " + s.parameter());
            assertTrue(s.s1Conf() > 0 && s.s1Conf() < 0.05, "S1_conf " + s.s1Conf());
            assertTrue(s.stConf() > 0 && s.stConf() < 0.05, "ST_conf " + s.stConf());
        }
    }

    /** Sobol's G function, G = Π (|4x − 2| + a_i)/(1 + a_i), on [0, 1]^d. */
    private static ToDoubleFunction<double[]> g(double[] a) {
        return x -> {
            double p = 1;
            for (int i = 0; i < a.length; i++) {
                p *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
            }
            return p;
        };
    }

    /**
     * Closed form (Saltelli et al. 2010, §4): V_i = 1/(3(1 + a_i)²), V = Π(1 + V_i) − 1, S1_i = V_i/V, ST_i = V_i
     * Π_{j≠i}(1 + V_j)/V.
     */
    private static double[][] gIndices(double[] a) {
        int d = a.length;
        double[] vi = new double[d];
        double prod = 1;
        for (int i = 0; i < d; i++) {
            vi[i] = 1 / (3 * Math.pow(1 + a[i], 2));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        double[][] s = new double[2][d];
        for (int i = 0; i < d; i++) {
            s[0][i] = vi[i] / v;
            s[1][i] = vi[i] * (prod / (1 + vi[i])) / v;
        }
        return s;
    }

    @Test
    void gFunctionIndicesAreRecoveredForSeveralCoefficientVectors() {
        double[][] as = {{0, 1, 4.5, 9, 99, 99}, {0, 0, 0, 0}, {0, 0.5, 3, 9, 99, 99, 99, 99}, {1, 2, 5}};
        for (double[] a : as) {
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < a.length; i++) {
                params.add(new Parameter("x" + (i + 1), 0, 1));
            }
            List<SobolIndex> idx = analyse(params, g(a), 8192, 5, 100);
            double[][] exact = gIndices(a);
            for (int i = 0; i < a.length; i++) {
                String what = " of x" + (i + 1) + " for a = " + java.util.Arrays.toString(a);
                assertEquals(exact[0][i], idx.get(i).s1(), 0.03, "S1" + what);
                assertEquals(exact[1][i], idx.get(i).st(), 0.03, "ST" + what);
            }
        }
    }

    /**
     * 100 analyses of the scrambled Sobol design with different seeds (independent digital shifts and bootstraps):
     * the 95 % interval of each of the six Ishigami indices covers the closed-form value in at least 85 of them. The
     * bootstrap treats the N base samples as independent, which overstates the error of a quasi-random design, so
     * these intervals are conservative (they cover in nearly all repetitions).
     */
    @Test
    void bootstrapIntervalsOfTheSobolDesignCoverTheAnalyticIndices() {
        int[][] covered = coverage(seed -> SaltelliSampler.sample(ishigamiParameters(), 512, seed), 1.0);
        assertCoverageAtLeast(85, covered);
    }

    /**
     * The same with A and B drawn independently at random, the setting the bootstrap assumes: there the intervals
     * are calibrated, so the check can fail. At least 85 of 100 cover (a calibrated 95 % interval falls below 85 with
     * probability about 1e-4, a 93 % one about 5e-3); intervals of 60 % of the width (nominal 76 %) do not pass.
     */
    @Test
    void bootstrapIntervalsOfARandomDesignAreCalibrated() {
        int[][] calibrated = coverage(SobolAnalyzerTest::randomDesign, 1.0);
        assertCoverageAtLeast(85, calibrated);
        int[][] narrow = coverage(SobolAnalyzerTest::randomDesign, 0.6);
        int worst = 100;
        for (int[] row : narrow) {
            for (int c : row) {
                worst = Math.min(worst, c);
            }
        }
        assertTrue(worst < 85, "intervals of 60 % width cover at worst " + worst + " of 100");
    }

    private static double[][] randomDesign(long seed) {
        eu.cloudmarket.engine.random.RandomStream s = new eu.cloudmarket.engine.random.RandomStreams(seed, 0)
                .open("sobol-test-random-design");
        double[][] points = new double[2048][6];
        for (double[] p : points) {
            for (int k = 0; k < p.length; k++) {
                p[k] = s.nextDouble();
            }
        }
        return SaltelliSampler.design(ishigamiParameters(), points);
    }

    /** covered[0][i] and covered[1][i]: repetitions whose S1 and ST interval of x_i, scaled by f, holds the value. */
    private static int[][] coverage(java.util.function.LongFunction<double[][]> designs, double f) {
        double[][] exact = ishigamiIndices();
        int[][] covered = new int[2][3];
        for (int rep = 0; rep < 100; rep++) {
            double[][] x = designs.apply(1000 + rep);
            double[] y = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                y[r] = ishigami(x[r]);
            }
            List<SobolIndex> idx = SobolAnalyzer.analyze(ishigamiParameters(), y, 200, 1000 + rep);
            for (int i = 0; i < 3; i++) {
                SobolIndex s = idx.get(i);
                covered[0][i] += Math.abs(s.s1() - exact[0][i]) <= f * s.s1Conf() ? 1 : 0;
                covered[1][i] += Math.abs(s.st() - exact[1][i]) <= f * s.stConf() ? 1 : 0;
            }
        }
        return covered;
    }

    private static void assertCoverageAtLeast(int bound, int[][] covered) {
        for (int i = 0; i < 3; i++) {
            assertTrue(covered[0][i] >= bound, "S1 of x" + (i + 1) + " covered in " + covered[0][i] + " of 100");
            assertTrue(covered[1][i] >= bound, "ST of x" + (i + 1) + " covered in " + covered[1][i] + " of 100");
        }
    }

    @Test
    void sameSeedSameDesignAndIndices() {
        double[][] a = SaltelliSampler.sample(ishigamiParameters(), 64, 3);
        double[][] b = SaltelliSampler.sample(ishigamiParameters(), 64, 3);
        double[][] c = SaltelliSampler.sample(ishigamiParameters(), 64, 4);
        assertTrue(java.util.Arrays.deepEquals(a, b));
        assertTrue(!java.util.Arrays.deepEquals(a, c));
        assertEquals(analyse(ishigamiParameters(), SobolAnalyzerTest::ishigami, 64, 3, 50),
                analyse(ishigamiParameters(), SobolAnalyzerTest::ishigami, 64, 3, 50));
    }

    @Test
    void designRowsFollowSaltellisLayout() {
        List<Parameter> p = List.of(new Parameter("a", 0, 1), new Parameter("b", 10, 20));
        double[][] x = SaltelliSampler.sample(p, 8, 1);
        assertEquals(8 * 4, x.length);
        for (int j = 0; j < 8; j++) {
            double[] aRow = x[j * 4];
            double[] ab1 = x[j * 4 + 1];
            double[] ab2 = x[j * 4 + 2];
            double[] bRow = x[j * 4 + 3];
            assertEquals(bRow[0], ab1[0]);
            assertEquals(aRow[1], ab1[1]);
            assertEquals(aRow[0], ab2[0]);
            assertEquals(bRow[1], ab2[1]);
            assertTrue(bRow[1] >= 10 && bRow[1] <= 20);
        }
    }

    private static List<SobolIndex> analyse(List<Parameter> params, ToDoubleFunction<double[]> f, int n, long seed,
            int resamples) {
        double[][] x = SaltelliSampler.sample(params, n, seed);
        double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            y[r] = f.applyAsDouble(x[r]);
        }
        return SobolAnalyzer.analyze(params, y, resamples, seed);
    }

    private static void assertArrayClose(double[] expected, double[] actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, "element " + i);
        }
    }
}
