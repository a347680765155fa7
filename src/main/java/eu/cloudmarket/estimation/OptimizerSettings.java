package eu.cloudmarket.estimation;

/**
 * The optimiser's stopping rule, in the unit box of the parameters ({@link UnitBox}). BOBYQA (Powell 2009; K ≥ 2
 * parameters) starts with a trust region of radius {@code initialRadius} and stops when the radius has shrunk to
 * {@code stoppingRadius} (the estimate is then known to about that fraction of each parameter's range) or after
 * {@code maxEvaluations} evaluations of the objective, whichever comes first; with one parameter, Brent's method stops
 * when the bracket is narrower than {@code stoppingRadius} or after {@code maxEvaluations}.
 *
 * @param initialRadius  initial trust-region radius (0 < r < 0.5: BOBYQA needs the box at least 2r wide)
 * @param stoppingRadius final trust-region radius (0 < s ≤ initialRadius)
 * @param maxEvaluations evaluations of the objective per optimisation stage
 * @param jacobianStep   the central-difference step of the Jacobian, as a fraction of each parameter's range: wide
 *                       enough that the difference averages over many buyers' discrete choices, small enough for the
 *                       moments to be close to linear over it
 */
public record OptimizerSettings(double initialRadius, double stoppingRadius, int maxEvaluations, double jacobianStep) {
    /** Defaults: assumption, sized for moments that are smooth at the scale of 1% of a parameter's range. */
    public static final OptimizerSettings DEFAULT = new OptimizerSettings(0.2, 0.01, 200, 0.05);

    public OptimizerSettings {
        if (!(initialRadius > 0 && initialRadius < 0.5)) {
            throw new IllegalArgumentException("initialRadius must be in (0, 0.5), was " + initialRadius);
        }
        if (!(stoppingRadius > 0 && stoppingRadius <= initialRadius)) {
            throw new IllegalArgumentException("stoppingRadius must be in (0, initialRadius], was " + stoppingRadius);
        }
        if (maxEvaluations < 5) {
            throw new IllegalArgumentException("maxEvaluations must be at least 5, was " + maxEvaluations);
        }
        if (!(jacobianStep > 0 && jacobianStep <= 0.25)) {
            throw new IllegalArgumentException("jacobianStep must be in (0, 0.25], was " + jacobianStep);
        }
    }
}
