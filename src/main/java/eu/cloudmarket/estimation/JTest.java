package eu.cloudmarket.estimation;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Hansen's J test of the over-identifying restrictions, for simulated moments: with W = Ω⁻¹ at the estimate,
 * J = g'Ω⁻¹g / (1 + 1/R), where g = m(θ̂) − targets; under a correct model J ~ χ²(M − K). The division by (1 + 1/R)
 * accounts for the simulation noise in m(θ̂) (the variance of g is Ω(1 + 1/R)).
 *
 * @param j      the statistic
 * @param df     degrees of freedom M − K
 * @param pValue P(χ²(df) > J), NaN when df is 0 (exactly identified: nothing to test)
 */
public record JTest(double j, int df, double pValue) {
    public static JTest of(RealVector g, RealMatrix omegaInverse, int parameters, int replications) {
        double j = omegaInverse.operate(g).dotProduct(g) / Sandwich.simulationFactor(replications);
        int df = g.getDimension() - parameters;
        return new JTest(j, df, pValue(j, df));
    }

    /** P(χ²(df) > j). The distribution is only asked for its cdf, so it gets no random generator (none is drawn). */
    public static double pValue(double j, int df) {
        if (df <= 0) {
            return Double.NaN;
        }
        return 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(j);
    }
}
