package eu.cloudmarket.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The estimator's covariance and J test against closed forms, on a linear moment function m(θ) = Aθ + b + ē where ē is
 * the mean of R fixed noise draws (common random numbers): the Jacobian is A exactly, the estimate is the weighted
 * least-squares solution θ̂ = (A'WA)⁻¹A'W(y − b − ē), and with W = Ω⁻¹ the statistic g'Ω⁻¹g/(1 + 1/R) is exactly
 * χ²(M − K) when y − b − Aθ₀ ~ N(0, Ω) and each replication's noise ~ N(0, Ω).
 */
class LinearMomentsTest {
    static final double[][] A = {{1.0, 0.5}, {0.2, 2.0}, {-1.0, 0.3}, {0.7, -0.4}, {0.1, 1.1}};
    static final double[] B = {0.3, -0.2, 1.0, 0.0, 0.5};
    static final double[] SE = {0.10, 0.20, 0.15, 0.05, 0.30};
    static final double[] THETA0 = {0.4, -0.3};
    static final int R = 5;

    @Test
    void sandwichEqualsTheExplicitProductForAnyWeighting() {
        RealMatrix a = new Array2DRowRealMatrix(A);
        RealMatrix omega = spd(5, 11);
        RealMatrix w = spd(5, 12);
        double[][] expected = explicitSandwich(A, w.getData(), omega.getData());
        RealMatrix v = Sandwich.covariance(a, w, omega);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expected[i][j], v.getEntry(i, j), 1e-8 * Math.max(1, Math.abs(expected[i][j])));
            }
        }
    }

    @Test
    void efficientWeightingGivesTheGlsCovariance() {
        RealMatrix a = new Array2DRowRealMatrix(A);
        RealMatrix omega = spd(5, 13);
        RealMatrix omegaInv = new LUDecomposition(omega).getSolver().getInverse();
        RealMatrix gls = new LUDecomposition(a.transpose().multiply(omegaInv).multiply(a)).getSolver().getInverse();
        RealMatrix v = Sandwich.covariance(a, omegaInv, omega);
        assertTrue(v.subtract(gls).getNorm() < 1e-8 * gls.getNorm(), "V = (A'Ω⁻¹A)⁻¹");
    }

    @Test
    void estimatorRecoversTheClosedFormEstimateCovarianceAndJ() {
        double[] y = data(1);
        SmmResult res = SmmEstimator.estimate(problem(y, Weighting.DIAGONAL), linear(2));
        RealMatrix a = new Array2DRowRealMatrix(A);
        RealMatrix w = MatrixUtils.createRealDiagonalMatrix(Arrays.stream(SE).map(s -> 1 / (s * s)).toArray());
        double[] noise = meanNoise(2);
        RealVector rhs = new ArrayRealVector(y).subtract(new ArrayRealVector(B)).subtract(new ArrayRealVector(noise));
        RealMatrix ataInv = new LUDecomposition(a.transpose().multiply(w).multiply(a)).getSolver().getInverse();
        RealVector thetaHat = ataInv.operate(a.transpose().multiply(w).operate(rhs));
        for (int k = 0; k < 2; k++) {
            assertEquals(thetaHat.getEntry(k), res.estimate()[k], 1e-5, "θ̂ = (A'WA)⁻¹A'W(y − b − ē)");
            for (int j = 0; j < 5; j++) {
                assertEquals(A[j][k], res.jacobian().getEntry(j, k), 1e-9, "G = A");
            }
        }
        RealMatrix expectedV = ataInv.scalarMultiply(1 + 1.0 / R); // W = Ω⁻¹: (A'WA)⁻¹ (1 + 1/R)
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expectedV.getEntry(i, j), res.covariance().getEntry(i, j), 1e-8);
            }
        }
        RealVector g = a.operate(thetaHat).add(new ArrayRealVector(B)).add(new ArrayRealVector(noise))
                .subtract(new ArrayRealVector(y));
        double j = w.operate(g).dotProduct(g) / (1 + 1.0 / R);
        assertEquals(j, res.j().j(), 1e-6 * Math.max(1, j));
        assertEquals(3, res.j().df());
    }

    /** Over 300 independent data sets the J test's p-values are uniform (Kolmogorov-Smirnov at the 1% level). */
    @Test
    void jTestPValuesAreUniformUnderTheModel() {
        List<Double> p = new ArrayList<>();
        for (int rep = 0; rep < 300; rep++) {
            SmmResult res = SmmEstimator.estimate(problem(data(1000 + rep), Weighting.DIAGONAL), linear(5000 + rep));
            p.add(res.j().pValue());
        }
        p.sort(Double::compare);
        double d = 0;
        for (int i = 0; i < p.size(); i++) {
            d = Math.max(d, Math.max(Math.abs((i + 1.0) / p.size() - p.get(i)), Math.abs(p.get(i) - (double) i
                    / p.size())));
        }
        assertTrue(d < 1.63 / Math.sqrt(p.size()), "KS distance " + d);
    }

    static SmmProblem problem(double[] y, Weighting weighting) {
        List<Target> targets = new ArrayList<>();
        for (int j = 0; j < y.length; j++) {
            targets.add(new Target("m" + j, null, y[j], SE[j]));
        }
        OptimizerSettings s = new OptimizerSettings(0.2, 1e-7, 2000, 0.05);
        return new SmmProblem(List.of("a", "b"), new UnitBox(new double[] {-3, -3}, new double[] {3, 3}),
                new double[] {0, 0}, targets, R, weighting, s);
    }

    /** Observed moments: Aθ₀ + b + e, e ~ N(0, diag(se²)). */
    static double[] data(int seed) {
        RandomStream s = new RandomStreams(seed, 0).open("data");
        double[] y = new double[B.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = A[j][0] * THETA0[0] + A[j][1] * THETA0[1] + B[j] + SE[j] * s.nextGaussian();
        }
        return y;
    }

    static double[][] noise(int seed) {
        double[][] e = new double[R][B.length];
        for (int r = 0; r < R; r++) {
            RandomStream s = new RandomStreams(seed, r).open("noise");
            for (int j = 0; j < B.length; j++) {
                e[r][j] = SE[j] * s.nextGaussian();
            }
        }
        return e;
    }

    static double[] meanNoise(int seed) {
        return new Evaluation(0, "x", new double[] {0}, noise(seed)).mean();
    }

    static SmmEstimator.Evaluator linear(int seed) {
        double[][] e = noise(seed);
        return (index, stage, theta) -> {
            double[][] reps = new double[R][B.length];
            for (int r = 0; r < R; r++) {
                for (int j = 0; j < B.length; j++) {
                    reps[r][j] = A[j][0] * theta[0] + A[j][1] * theta[1] + B[j] + e[r][j];
                }
            }
            return new Evaluation(index, stage, theta, reps);
        };
    }

    /** A symmetric positive-definite matrix LL' + I from a seeded stream. */
    static RealMatrix spd(int n, int seed) {
        RandomStream s = new RandomStreams(seed, 0).open("spd");
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                l[i][j] = s.nextGaussian() * 0.3;
            }
        }
        RealMatrix lm = new Array2DRowRealMatrix(l);
        return lm.multiply(lm.transpose()).add(MatrixUtils.createRealIdentityMatrix(n));
    }

    /** (A'WA)⁻¹ A'W Ω W A (A'WA)⁻¹ with plain loops and a 2×2 inverse by its closed form. */
    static double[][] explicitSandwich(double[][] a, double[][] w, double[][] omega) {
        double[][] at = transpose(a);
        double[][] atw = mul(at, w);
        double[][] m = mul(atw, a);
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        double[][] inv = {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
        return mul(mul(mul(mul(inv, atw), omega), transpose(atw)), inv);
    }

    static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    static double[][] mul(double[][] x, double[][] y) {
        double[][] z = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                for (int k = 0; k < y.length; k++) {
                    z[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return z;
    }
}
