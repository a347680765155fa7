package eu.cloudmarket.estimation;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The covariance of a method-of-moments estimator: V = (G'WG)⁻¹ G'W Ω W G (G'WG)⁻¹, with G = ∂m/∂θ' (M × K) the
 * Jacobian of the moments, W the weighting matrix and Ω the covariance of the observed moments (Hansen 1982). For
 * simulated moments, the mean of R replications adds Ω/R when one replication has the covariance of the data, so
 * the simulated-moments covariance is V × (1 + 1/R) (McFadden 1989; Pakes and Pollard 1989).
 */
public final class Sandwich {
    private Sandwich() {
    }

    /** (G'WG)⁻¹ G'W Ω W G (G'WG)⁻¹; throws IllegalArgumentException when G'WG is singular (θ not identified). */
    public static RealMatrix covariance(RealMatrix g, RealMatrix w, RealMatrix omega) {
        RealMatrix gtw = g.transpose().multiply(w);
        RealMatrix bread;
        try {
            bread = new LUDecomposition(gtw.multiply(g)).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("G'WG is singular: the moments do not identify the parameters"
                    + " (a column of the Jacobian is zero or columns are collinear)");
        }
        return bread.multiply(gtw).multiply(omega).multiply(gtw.transpose()).multiply(bread);
    }

    /** The simulated-moments covariance: {@link #covariance} × (1 + 1/R). */
    public static RealMatrix simulated(RealMatrix g, RealMatrix w, RealMatrix omega, int replications) {
        return covariance(g, w, omega).scalarMultiply(simulationFactor(replications));
    }

    /** 1 + 1/R: the variance added by averaging R simulated replications instead of the exact moments. */
    public static double simulationFactor(int replications) {
        return 1 + 1.0 / replications;
    }

    /** Standard errors: square roots of the diagonal of {@code v}. */
    public static double[] standardErrors(RealMatrix v) {
        double[] se = new double[v.getRowDimension()];
        for (int k = 0; k < se.length; k++) {
            se[k] = Math.sqrt(v.getEntry(k, k));
        }
        return se;
    }

    /** A diagonal matrix of {@code d}. */
    static RealMatrix diagonal(double[] d) {
        return MatrixUtils.createRealDiagonalMatrix(d);
    }
}
