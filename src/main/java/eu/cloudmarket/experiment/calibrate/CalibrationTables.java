package eu.cloudmarket.experiment.calibrate;

import eu.cloudmarket.estimation.SmmProblem;
import eu.cloudmarket.estimation.SmmResult;
import eu.cloudmarket.estimation.Target;
import eu.cloudmarket.output.Codebook;
import eu.cloudmarket.output.TableSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result tables of a calibration, each from one column list ({@link TableSchema}) that also makes its codebook
 * entries: estimates.csv, moments.csv, fit.csv and trace.csv. They depend only on the estimate, never on time or
 * threads, so an estimation resumed from its journal writes the same bytes as one that was never interrupted.
 */
public final class CalibrationTables {
    public static final String ESTIMATES = "estimates.csv";
    public static final String MOMENTS = "moments.csv";
    public static final String FIT = "fit.csv";
    public static final String TRACE = "trace.csv";

    /** One estimated parameter. */
    record EstimateRow(String name, String path, double estimate, double se, double min, double max, double start) {
    }

    /** One moment at the estimate. */
    record MomentRow(String name, double target, double se, double simulated, double simulatedSd) {
    }

    /** The fit. */
    record FitRow(SmmResult result, SmmProblem problem) {
    }

    static final TableSchema<EstimateRow> ESTIMATES_SCHEMA = TableSchema.<EstimateRow>builder(ESTIMATES)
            .text("parameter", "", "parameter name (its scenario key path unless the calibration file names it)",
                    EstimateRow::name)
            .text("path", "", "scenario key path the estimate is written to in calibrated.yaml", EstimateRow::path)
            .number("estimate", "parameter units", "simulated-method-of-moments estimate θ̂", EstimateRow::estimate)
            .number("se", "parameter units", "standard error: sqrt of the diagonal of the sandwich covariance"
                    + " (G'WG)^-1 G'WΩWG (G'WG)^-1 (1 + 1/R)", EstimateRow::se)
            .numberOrEmpty("t", "ratio", "estimate / se", r -> r.se() > 0 ? r.estimate() / r.se() : Double.NaN)
            .number("min", "parameter units", "lower bound of the search", EstimateRow::min)
            .number("max", "parameter units", "upper bound of the search", EstimateRow::max)
            .number("start", "parameter units", "start value of the search", EstimateRow::start)
            .build();

    static final TableSchema<MomentRow> MOMENTS_SCHEMA = TableSchema.<MomentRow>builder(MOMENTS)
            .text("moment", "period/metric", "target name: period and metric of the targets file", MomentRow::name)
            .number("target", "metric units", "observed value", MomentRow::target)
            .number("se", "metric units", "standard error of the target (se column, or (high - low) / (2 * 1.96))",
                    MomentRow::se)
            .number("simulated", "metric units", "mean over the R replications of the simulated moment at θ̂",
                    MomentRow::simulated)
            .number("simulated_sd", "metric units", "standard deviation of one replication's moment at θ̂",
                    MomentRow::simulatedSd)
            .number("residual", "metric units", "simulated - target", r -> r.simulated() - r.target())
            .number("residual_in_se", "ratio", "(simulated - target) / se", r -> (r.simulated() - r.target())
                    / r.se())
            .build();

    static final TableSchema<FitRow> FIT_SCHEMA = TableSchema.<FitRow>builder(FIT)
            .number("objective", "", "Q(θ̂) = g'Wg with the final weighting", r -> r.result().objective())
            .number("j", "", "J = g'Ω^-1 g / (1 + 1/R), Hansen's over-identification statistic",
                    r -> r.result().j().j())
            .integer("df", "count", "degrees of freedom of J: moments - parameters", r -> r.result().j().df())
            .numberOrEmpty("p_value", "probability", "P(chi2(df) > J); empty when df = 0",
                    r -> r.result().j().pValue())
            .integer("moments", "count", "moments matched", r -> r.problem().targets().size())
            .integer("parameters", "count", "parameters estimated", r -> r.problem().parameterCount())
            .integer("replications", "count", "replications R per evaluation (common random numbers)",
                    r -> r.problem().replications())
            .integer("evaluations", "count", "evaluations of the simulated moments (search and Jacobian)",
                    r -> r.result().evaluations())
            .text("weighting", "diagonal|optimal", "weighting of the moments", r -> r.problem().weighting().key())
            .text("stopped_by", "radius|maxEvaluations", "why the last search stopped: the trust region shrank to"
                    + " the stopping radius, or the evaluation limit was reached", r -> r.result().stoppedBy())
            .build();

    private CalibrationTables() {
    }

    /** trace.csv's schema: evaluation, stage, objective, best so far in the stage, then one column per parameter. */
    static TableSchema<SmmResult.TraceEntry> traceSchema(List<String> parameters, List<Double> bestSoFar) {
        TableSchema.Builder<SmmResult.TraceEntry> b = TableSchema.<SmmResult.TraceEntry>builder(TRACE)
                .integer("evaluation", "index", "evaluation number, in the order the estimator asked",
                        SmmResult.TraceEntry::evaluation)
                .text("stage", "search|search2|jacobian", "estimator stage that asked for the evaluation",
                        SmmResult.TraceEntry::stage)
                .number("objective", "", "Q at the evaluation, under the stage's weighting",
                        SmmResult.TraceEntry::objective)
                .number("best_objective", "", "lowest Q of the stage so far",
                        e -> bestSoFar.get(e.evaluation()));
        for (int k = 0; k < parameters.size(); k++) {
            final int kk = k;
            b.number(parameters.get(k), "parameter units", "value of parameter " + parameters.get(k),
                    e -> e.theta()[kk]);
        }
        return b.build();
    }

    /** Writes the four tables and codebook.csv into {@code dir}. */
    static void write(Path dir, Calibration calibration, SmmResult result) throws IOException {
        SmmProblem p = calibration.problem();
        List<EstimateRow> estimates = new ArrayList<>();
        double[] se = result.standardErrors();
        for (int k = 0; k < p.parameterCount(); k++) {
            CalibrationFile.Parameter par = calibration.file().parameters().get(k);
            estimates.add(new EstimateRow(par.name(), par.path(), result.estimate()[k], se[k], par.min(), par.max(),
                    par.start()));
        }
        List<MomentRow> moments = new ArrayList<>();
        for (int j = 0; j < p.targets().size(); j++) {
            Target t = p.targets().get(j);
            moments.add(new MomentRow(t.name(), t.value(), t.se(), result.simulated()[j], result.simulatedSd()[j]));
        }
        TableSchema<SmmResult.TraceEntry> trace = traceSchema(p.names(), bestSoFar(result.trace()));
        write(dir, ESTIMATES_SCHEMA, estimates);
        write(dir, MOMENTS_SCHEMA, moments);
        write(dir, FIT_SCHEMA, List.of(new FitRow(result, p)));
        write(dir, trace, result.trace());
        StringWriter w = new StringWriter();
        Codebook.write(w, List.of(ESTIMATES_SCHEMA, MOMENTS_SCHEMA, FIT_SCHEMA, trace));
        CalibrationFolder.writeAtomically(dir.resolve(Codebook.FILE), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Double> bestSoFar(List<SmmResult.TraceEntry> trace) {
        List<Double> out = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        String stage = null;
        for (SmmResult.TraceEntry e : trace) {
            if (!e.stage().equals(stage)) {
                stage = e.stage();
                best = Double.POSITIVE_INFINITY;
            }
            best = Math.min(best, e.objective());
            out.add(best);
        }
        return out;
    }

    private static <R> void write(Path dir, TableSchema<R> schema, Iterable<? extends R> rows) throws IOException {
        StringWriter w = new StringWriter();
        schema.writeHeader(w);
        for (R r : rows) {
            schema.writeRow(w, r);
        }
        CalibrationFolder.writeAtomically(dir.resolve(schema.file()), w.toString().getBytes(StandardCharsets.UTF_8));
    }
}
