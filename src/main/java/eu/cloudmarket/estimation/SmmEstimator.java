package eu.cloudmarket.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The simulated method of moments: θ̂ = argmin Q(θ) = g(θ)'W g(θ), g(θ) = m(θ) − targets, m(θ) the mean over R
 * replications of the simulated moments. The replications are the same for every θ (common random numbers), which
 * the {@link Evaluator} guarantees, so Q is a deterministic function of θ that a derivative-free optimiser can
 * minimise: BOBYQA in the unit box (two or more parameters) or Brent's method (one). Steps:
 * <ol>
 * <li>{@code search}: minimise Q with the diagonal W = diag(1/se²) from the start vector;</li>
 * <li>{@code search2} (optimal weighting only): W = S⁻¹ from the replication covariance at the step-1 estimate,
 * minimise again from there;</li>
 * <li>{@code jacobian}: G by central differences at θ̂ (step: {@link OptimizerSettings#jacobianStep} of each range;
 * one-sided where θ̂ ± step leaves the bounds);</li>
 * <li>V = (G'WG)⁻¹G'WΩWG(G'WG)⁻¹ (1 + 1/R) and J = g'Ω⁻¹g / (1 + 1/R) ~ χ²(M − K), with Ω = diag(se²) (diagonal
 * weighting) or S at θ̂ (optimal).</li>
 * </ol>
 * The algorithm is deterministic: asked the same evaluations' results, it asks for the same next θ, which is what lets
 * a journal replay an interrupted estimation exactly. An evaluation already made at the same θ (bit for bit) is reused
 * rather than asked again. No I/O here.
 */
public final class SmmEstimator {
    public static final String SEARCH = "search";
    public static final String SEARCH2 = "search2";
    public static final String JACOBIAN = "jacobian";
    public static final List<String> STAGES = List.of(SEARCH, SEARCH2, JACOBIAN);
    /** Brent's relative tolerance for one parameter (the absolute one is the stopping radius). */
    private static final double BRENT_RELATIVE = 1e-8;

    /** Simulates the moments at θ for evaluation number {@code index}, asked by {@code stage}. */
    @FunctionalInterface
    public interface Evaluator {
        Evaluation evaluate(int index, String stage, double[] theta);
    }

    /** Told of every new evaluation once its objective is known (to journal it). */
    @FunctionalInterface
    public interface Listener {
        void evaluated(Evaluation evaluation, double objective);
    }

    private final SmmProblem problem;
    private final Evaluator evaluator;
    private final Listener listener;
    private final Map<List<Double>, Evaluation> done = new HashMap<>();
    private final List<SmmResult.TraceEntry> trace = new ArrayList<>();
    private final RealVector targets;
    /** The weighting of the stage under way: the trace's objective values use it. */
    private RealMatrix stageW;

    private SmmEstimator(SmmProblem problem, Evaluator evaluator, Listener listener) {
        this.problem = problem;
        this.evaluator = evaluator;
        this.listener = listener;
        this.targets = new ArrayRealVector(problem.targetValues());
    }

    /** Estimates θ for {@code problem}, asking {@code evaluator} for the simulated moments. */
    public static SmmResult estimate(SmmProblem problem, Evaluator evaluator) {
        return estimate(problem, evaluator, (e, q) -> { });
    }

    /** Estimates θ, telling {@code listener} of each new evaluation with its objective. */
    public static SmmResult estimate(SmmProblem problem, Evaluator evaluator, Listener listener) {
        return new SmmEstimator(problem, evaluator, listener).run();
    }

    private SmmResult run() {
        RealMatrix w = diagonalWeight();
        stageW = w;
        Stage step = minimise(SEARCH, w, problem.start());
        if (problem.weighting() == Weighting.OPTIMAL) {
            w = inverse(covariance(evaluation(SEARCH2, step.best)), "the replication covariance S of the moments");
            stageW = w;
            step = minimise(SEARCH2, w, step.best);
        }
        double[] theta = step.best;
        Evaluation at = evaluation(JACOBIAN, theta);
        RealMatrix g = jacobian(theta);
        RealMatrix omega = problem.weighting() == Weighting.OPTIMAL ? covariance(at)
                : Sandwich.diagonal(squares(problem.targetSes()));
        RealMatrix v = Sandwich.simulated(g, w, omega, problem.replications());
        RealVector resid = new ArrayRealVector(at.mean()).subtract(targets);
        RealMatrix omegaInverse = problem.weighting() == Weighting.OPTIMAL ? inverse(omega, "Ω") : w;
        JTest j = JTest.of(resid, omegaInverse, problem.parameterCount(), problem.replications());
        return new SmmResult(theta, v, g, at.mean(), sd(at), objective(w, at), j, List.copyOf(trace),
                step.stoppedBy);
    }

    /** The best point of one optimisation stage and why it stopped. */
    private record Stage(double[] best, String stoppedBy) {
    }

    private Stage minimise(String stage, RealMatrix w, double[] from) {
        UnitBox box = problem.box();
        OptimizerSettings s = problem.settings();
        double[] best = {Double.POSITIVE_INFINITY};
        double[][] bestTheta = {from.clone()};
        java.util.function.ToDoubleFunction<double[]> q = u -> {
            double[] theta = box.fromUnit(u);
            double value = objective(w, evaluation(stage, theta));
            if (value < best[0]) { // strict: the first of equal values wins, as in any replay
                best[0] = value;
                bestTheta[0] = theta;
            }
            return value;
        };
        String stoppedBy = "radius";
        try {
            if (box.dimension() == 1) {
                new BrentOptimizer(BRENT_RELATIVE, s.stoppingRadius()).optimize(new MaxEval(s.maxEvaluations()),
                        new UnivariateObjectiveFunction(x -> q.applyAsDouble(new double[] {x})), GoalType.MINIMIZE,
                        new SearchInterval(0, 1, box.toUnit(from)[0]));
            } else {
                int n = box.dimension();
                double[] lo = new double[n];
                double[] hi = new double[n];
                Arrays.fill(hi, 1);
                new BOBYQAOptimizer(2 * n + 1, s.initialRadius(), s.stoppingRadius()).optimize(
                        new MaxEval(s.maxEvaluations()), new ObjectiveFunction(q::applyAsDouble), GoalType.MINIMIZE,
                        new InitialGuess(box.toUnit(from)), new SimpleBounds(lo, hi));
            }
        } catch (TooManyEvaluationsException e) {
            stoppedBy = "maxEvaluations";
        }
        return new Stage(bestTheta[0], stoppedBy);
    }

    /** G = ∂m/∂θ' by central differences (one-sided at a bound), one column per parameter. */
    private RealMatrix jacobian(double[] theta) {
        UnitBox box = problem.box();
        int m = problem.targets().size();
        RealMatrix g = new Array2DRowRealMatrix(m, box.dimension());
        for (int k = 0; k < box.dimension(); k++) {
            double h = problem.settings().jacobianStep() * box.width(k);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] = Math.min(box.max(k), theta[k] + h);
            down[k] = Math.max(box.min(k), theta[k] - h);
            double[] mUp = evaluation(JACOBIAN, up).mean();
            double[] mDown = evaluation(JACOBIAN, down).mean();
            for (int j = 0; j < m; j++) {
                g.setEntry(j, k, (mUp[j] - mDown[j]) / (up[k] - down[k]));
            }
        }
        return g;
    }

    /** The evaluation at θ: reused if made before, else asked of the evaluator and added to the trace. */
    private Evaluation evaluation(String stage, double[] theta) {
        List<Double> key = Arrays.stream(theta).boxed().toList();
        Evaluation e = done.get(key);
        if (e == null) {
            e = evaluator.evaluate(trace.size(), stage, theta);
            checkShape(e);
            done.put(key, e);
            double q = objective(stageW, e);
            trace.add(new SmmResult.TraceEntry(e.index(), stage, theta.clone(), q));
            listener.evaluated(e, q);
        }
        return e;
    }

    private double objective(RealMatrix w, Evaluation e) {
        RealVector g = new ArrayRealVector(e.mean()).subtract(targets);
        return w.operate(g).dotProduct(g);
    }

    private void checkShape(Evaluation e) {
        if (e.replicationCount() != problem.replications()
                || e.replication(0).length != problem.targets().size()) {
            throw new IllegalStateException("evaluation " + e.index() + " has " + e.replicationCount() + " x "
                    + e.replication(0).length + " moments, expected " + problem.replications() + " x "
                    + problem.targets().size());
        }
    }

    private RealMatrix diagonalWeight() {
        double[] se = problem.targetSes();
        double[] d = new double[se.length];
        for (int j = 0; j < se.length; j++) {
            d[j] = 1 / (se[j] * se[j]);
        }
        return Sandwich.diagonal(d);
    }

    private RealMatrix covariance(Evaluation e) {
        return new Array2DRowRealMatrix(e.covariance(), false);
    }

    private RealMatrix inverse(RealMatrix s, String what) {
        for (int j = 0; j < s.getRowDimension(); j++) {
            if (!(s.getEntry(j, j) > 0)) {
                throw new IllegalArgumentException(what + " is singular: moment '" + problem.targets().get(j).name()
                        + "' does not vary across replications; use weighting: diagonal or drop the moment");
            }
        }
        LUDecomposition lu = new LUDecomposition(s);
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException(what + " is singular (moments collinear across replications); use"
                    + " weighting: diagonal");
        }
        return lu.getSolver().getInverse();
    }

    private static double[] squares(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
        }
        return y;
    }

    private static double[] sd(Evaluation e) {
        double[][] s = e.covariance();
        double[] sd = new double[s.length];
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(s[j][j]);
        }
        return sd;
    }
}
