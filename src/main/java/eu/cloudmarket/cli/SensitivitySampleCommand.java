package eu.cloudmarket.cli;

import eu.cloudmarket.analysis.AnalysisFiles;
import eu.cloudmarket.analysis.MorrisSampler;
import eu.cloudmarket.analysis.Parameter;
import eu.cloudmarket.analysis.SaltelliSampler;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.output.Csv;
import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sensitivity sample}: a Saltelli or Morris design over the parameters of a PARAMS.csv file, to stdout. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a sensitivity design to stdout: a header of the parameter names and one row per sample.",
            "saltelli: N(d + 2) rows (Saltelli 2010, scrambled Sobol sequence); morris: N trajectories of d + 1 rows."})
final class SensitivitySampleCommand implements Callable<Integer> {
    /** Most rows a design may have (assumption: far beyond any affordable number of model runs). */
    static final long MAX_ROWS = 10_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "saltelli or morris.")
    String method;

    @Option(names = "--params", required = true, paramLabel = "PARAMS.csv",
            description = "Parameters: header name,min,max and one row per parameter.")
    Path params;

    @Option(names = "-n", required = true, paramLabel = "N",
            description = "saltelli: base samples N (a power of two is best); morris: trajectories.")
    int n;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the Sobol scrambling or the Morris trajectories (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--levels", defaultValue = "" + MorrisSampler.DEFAULT_LEVELS, paramLabel = "P",
            description = "morris: grid levels p, even (default: ${DEFAULT-VALUE}); the step is p/(2(p - 1)).")
    int levels;

    @Override
    public Integer call() {
        String m = SensitivityMethods.check("--method", method, "saltelli", "morris");
        List<Parameter> parameters = readParameters(params);
        checkSize(m, parameters.size());
        double[][] design = m.equals("saltelli") ? SaltelliSampler.sample(parameters, n, seed)
                : MorrisSampler.sample(parameters, n, levels, seed);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Csv.row(out, parameters.stream().map(Parameter::name).toList());
            for (double[] row : design) {
                List<String> cells = new ArrayList<>(row.length);
                for (double v : row) {
                    cells.add(plain(v));
                }
                Csv.row(out, cells);
            }
        } catch (IOException e) {
            throw Failure.runFailed("cannot write the design: " + Failure.describe(e), e);
        }
        out.flush();
        return CloudMarketCli.OK;
    }

    private void checkSize(String m, int d) {
        if (n < 2) {
            throw Failure.badInput("-n: must be at least 2, was " + n);
        }
        if (m.equals("saltelli") && d > SaltelliSampler.MAX_PARAMETERS) {
            throw Failure.badInput(params + ": " + d + " parameters; a Saltelli design takes at most "
                    + SaltelliSampler.MAX_PARAMETERS);
        }
        if (m.equals("morris") && (levels < 2 || levels % 2 != 0)) {
            throw Failure.badInput("--levels: must be an even number >= 2, was " + levels);
        }
        long rows = m.equals("saltelli") ? SaltelliSampler.rows(n, d) : MorrisSampler.rows(n, d);
        if (rows > MAX_ROWS) {
            throw Failure.badInput("-n: " + n + " gives " + rows + " rows, more than the limit of " + MAX_ROWS);
        }
    }

    /** The shortest decimal text that reads back as the same double, without an exponent. */
    static String plain(double v) {
        return v == 0 ? "0" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static List<Parameter> readParameters(Path file) {
        try {
            return AnalysisFiles.parameters(file);
        } catch (Table.Problem e) {
            throw Failure.badInput(e.getMessage());
        } catch (IOException e) {
            throw Failure.badInput(file + ": cannot read: " + Failure.describe(e));
        }
    }
}
