package eu.cloudmarket.estimation;

import java.util.List;

/**
 * What to estimate by the simulated method of moments.
 *
 * @param names        parameter names, for messages
 * @param box          the parameters' bounds
 * @param start        the start vector (inside the bounds)
 * @param targets      the moments to match
 * @param replications replications R averaged per evaluation (the same replications for every θ)
 * @param weighting    diagonal or optimal two-step
 * @param settings     the optimiser's stopping rule and the Jacobian step
 */
public record SmmProblem(List<String> names, UnitBox box, double[] start, List<Target> targets, int replications,
        Weighting weighting, OptimizerSettings settings) {
    public SmmProblem {
        names = List.copyOf(names);
        targets = List.copyOf(targets);
        start = start.clone();
        if (names.size() != box.dimension() || start.length != box.dimension()) {
            throw new IllegalArgumentException("names, bounds and start differ in length");
        }
        if (!box.contains(start)) {
            throw new IllegalArgumentException("start is outside the bounds");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1");
        }
        if (weighting == Weighting.OPTIMAL && replications <= targets.size()) {
            throw new IllegalArgumentException("optimal weighting needs more replications (" + replications
                    + ") than moments (" + targets.size() + ") to estimate their covariance");
        }
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    public int parameterCount() {
        return names.size();
    }

    public double[] targetValues() {
        return targets.stream().mapToDouble(Target::value).toArray();
    }

    public double[] targetSes() {
        return targets.stream().mapToDouble(Target::se).toArray();
    }
}
