package eu.cloudmarket.estimation;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An estimate by the simulated method of moments.
 *
 * @param estimate    θ̂
 * @param covariance  V, the simulated-moments sandwich covariance ({@link Sandwich#simulated})
 * @param jacobian    G at θ̂ (central differences)
 * @param simulated   m(θ̂)
 * @param simulatedSd the standard deviation of one replication's moments at θ̂
 * @param objective   Q(θ̂) under the final weighting
 * @param j           the J test
 * @param trace       every evaluation in order, with its objective
 * @param stoppedBy   why the last optimisation stage stopped: {@code radius} or {@code maxEvaluations}
 */
public record SmmResult(double[] estimate, RealMatrix covariance, RealMatrix jacobian, double[] simulated,
        double[] simulatedSd, double objective, JTest j, List<TraceEntry> trace, String stoppedBy) {

    /** One evaluation: which stage asked for it, where, and the objective there under that stage's weighting. */
    public record TraceEntry(int evaluation, String stage, double[] theta, double objective) {
    }

    public double[] standardErrors() {
        return Sandwich.standardErrors(covariance);
    }

    public int evaluations() {
        return trace.size();
    }
}
