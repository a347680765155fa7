package eu.cloudmarket.cli;

import eu.cloudmarket.analysis.AnalysisFiles;
import eu.cloudmarket.analysis.AnalysisTables;
import eu.cloudmarket.analysis.Bootstrap;
import eu.cloudmarket.analysis.MorrisAnalyzer;
import eu.cloudmarket.analysis.Parameter;
import eu.cloudmarket.analysis.SobolAnalyzer;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.output.Table;
import eu.cloudmarket.output.TableSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sensitivity analyze}: Sobol or Morris indices of one output of a design, as CSV on stdout. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print sensitivity indices as CSV: one row per parameter.",
            "sobol: parameter,S1,S1_conf,ST,ST_conf; morris: parameter,mu,mu_star,sigma,mu_star_conf",
            "(_conf: half-width of the 95%% bootstrap interval)."})
final class SensitivityAnalyzeCommand implements Callable<Integer> {
    /** Most bootstrap resamples (assumption: beyond this the half-width's own error no longer shrinks usefully). */
    static final int MAX_RESAMPLES = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "sobol or morris.")
    String method;

    @Option(names = "--params", required = true, paramLabel = "PARAMS.csv",
            description = "The parameter file the design was sampled from.")
    Path params;

    @Option(names = "--inputs", required = true, paramLabel = "X.csv", description = "The design (sensitivity sample).")
    Path inputs;

    @Option(names = "--outputs", required = true, paramLabel = "Y.csv",
            description = "Model outputs: a header and one row per design row, one column per output.")
    Path outputs;

    @Option(names = "--output", paramLabel = "NAME", description = "The output column to analyse (default: the first).")
    String output;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resamples", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES, paramLabel = "B",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Override
    public Integer call() {
        String m = SensitivityMethods.check("--method", method, "sobol", "morris");
        if (resamples < 2 || resamples > MAX_RESAMPLES) {
            throw Failure.badInput("--resamples: must be between 2 and " + MAX_RESAMPLES + ", was " + resamples);
        }
        List<Parameter> parameters = SensitivitySampleCommand.readParameters(params);
        Table x = read(inputs);
        Table y = read(outputs);
        double[] out;
        double[][] design;
        try {
            design = AnalysisFiles.inputs(x, parameters);
            out = AnalysisFiles.column(y, AnalysisFiles.outputColumn(y, output));
        } catch (Table.Problem e) {
            throw Failure.badInput(e.getMessage());
        }
        if (out.length != design.length) {
            throw Failure.badInput(outputs + ": " + out.length + " rows, but " + inputs + " has " + design.length
                    + " (one output row per design row)");
        }
        PrintWriter w = spec.commandLine().getOut();
        try {
            if (m.equals("sobol")) {
                checkSobolRows(design.length, parameters.size());
                write(w, AnalysisTables.sobol("sobol.csv"), SobolAnalyzer.analyze(parameters, out, resamples, seed));
            } else {
                checkMorrisRows(design.length, parameters.size());
                write(w, AnalysisTables.morris("morris.csv"), morris(parameters, x, design, out));
            }
        } catch (IOException e) {
            throw Failure.runFailed("cannot write the indices: " + Failure.describe(e), e);
        }
        return CloudMarketCli.OK;
    }

    private List<eu.cloudmarket.analysis.MorrisIndex> morris(List<Parameter> parameters, Table x, double[][] design,
            double[] out) {
        try {
            return MorrisAnalyzer.analyze(parameters, design, out, resamples, seed);
        } catch (MorrisAnalyzer.BadTrajectory e) {
            throw Failure.badInput(inputs + ": line " + AnalysisFiles.line(x, e.row) + ": " + e.getMessage());
        }
    }

    private void checkSobolRows(int rows, int d) {
        if (rows % (d + 2) != 0 || rows / (d + 2) < 2) {
            throw Failure.badInput(inputs + ": " + rows + " rows; a Saltelli design of " + d + " parameters has N * "
                    + (d + 2) + " rows with N >= 2 (sample it with: sensitivity sample --method saltelli)");
        }
    }

    private void checkMorrisRows(int rows, int d) {
        if (rows % (d + 1) != 0 || rows / (d + 1) < 2) {
            throw Failure.badInput(inputs + ": " + rows + " rows; a Morris design of " + d + " parameters has r * "
                    + (d + 1) + " rows with r >= 2 (sample it with: sensitivity sample --method morris)");
        }
    }

    private static <R> void write(PrintWriter w, TableSchema<R> schema, List<R> rows) throws IOException {
        schema.writeHeader(w);
        for (R r : rows) {
            schema.writeRow(w, r);
        }
        w.flush();
    }

    static Table read(Path file) {
        try {
            return Table.read(file);
        } catch (Table.Problem e) {
            throw Failure.badInput(e.getMessage());
        } catch (IOException e) {
            throw Failure.badInput(file + ": cannot read: " + Failure.describe(e));
        }
    }
}
