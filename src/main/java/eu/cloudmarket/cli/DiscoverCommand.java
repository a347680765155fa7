package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.cloudmarket.analysis.AnalysisFiles;
import eu.cloudmarket.analysis.AnalysisTables;
import eu.cloudmarket.analysis.Outcome;
import eu.cloudmarket.analysis.Prim;
import eu.cloudmarket.analysis.PrimCharts;
import eu.cloudmarket.analysis.PrimResult;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code discover}: scenario discovery with PRIM, on a finished sweep's runs.csv (inputs: its numeric parameters;
 * outcome: one of its metrics) or on plain CSV files. Writes the peeling trajectory, the chosen box's limits with
 * quasi-p-values, and two charts.
 */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scenario discovery (PRIM): under which inputs is an outcome frequent?",
            "discover SWEEP_DIR --outcome \"<metric> > <value>\" reads the sweep's runs.csv;",
            "discover --inputs X.csv --outputs Y.csv --outcome \"<column> > <value>\" reads plain CSV files.",
            "Writes " + AnalysisTables.TRAJECTORY + ", " + AnalysisTables.BOX + " and charts/ into --out."})
final class DiscoverCommand implements Callable<Integer> {
    /** Folder inside a sweep folder where its discovery goes when no --out is given. */
    static final String SWEEP_SUBFOLDER = "discovery";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SWEEP_DIR", description = "A finished sweep folder (with runs.csv).")
    Path sweep;

    @Option(names = "--inputs", paramLabel = "X.csv", description = "Plain inputs: one numeric column per dimension.")
    Path inputs;

    @Option(names = "--outputs", paramLabel = "Y.csv", description = "Plain outputs, row by row with --inputs.")
    Path outputs;

    @Option(names = "--outcome", required = true, paramLabel = "EXPR",
            description = "The outcome of interest: \"<column> <op> <value>\", op one of >, >=, <, <=.")
    String outcomeText;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write (default: SWEEP_DIR/" + SWEEP_SUBFOLDER + ", or ./" + SWEEP_SUBFOLDER + ").")
    Path out;

    @Option(names = "--threshold", defaultValue = "" + Prim.DEFAULT_THRESHOLD, paramLabel = "D",
            description = "Density the chosen box should reach; the box with the most coverage that does is chosen"
                    + " (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--peel-alpha", defaultValue = "" + Prim.DEFAULT_PEEL_ALPHA, paramLabel = "A",
            description = "Share of the box's points one peel removes (default: ${DEFAULT-VALUE}).")
    double peelAlpha;

    @Option(names = "--paste-alpha", defaultValue = "" + Prim.DEFAULT_PASTE_ALPHA, paramLabel = "A",
            description = "Share of the box's points one paste adds (default: ${DEFAULT-VALUE}).")
    double pasteAlpha;

    @Option(names = "--mass-min", defaultValue = "" + Prim.DEFAULT_MASS_MIN, paramLabel = "M",
            description = "Smallest share of all points a box keeps (default: ${DEFAULT-VALUE}).")
    double massMin;

    @Option(names = "--no-charts", description = "Skip the charts.")
    boolean noCharts;

    @Mixin
    ChartOptionsMixin chartOptions;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    /** The points and their outcome values, whichever files they came from. */
    private record Data(List<String> dimensions, double[][] x, double[] y) {
    }

    @Override
    public Integer call() {
        Outcome outcome = parse(outcomeText);
        Prim.Settings settings = settings();
        Data data = sweep != null ? fromSweep(outcome) : fromFiles(outcome);
        boolean[] interesting = new boolean[data.y().length];
        for (int i = 0; i < interesting.length; i++) {
            interesting[i] = outcome.test(data.y()[i]);
        }
        PrimResult result;
        try {
            result = Prim.run(data.dimensions(), data.x(), interesting, settings);
        } catch (IllegalArgumentException e) {
            throw Failure.badInput("--outcome " + outcome + ": " + e.getMessage());
        }
        Path dir = out != null ? out : sweep != null ? sweep.resolve(SWEEP_SUBFOLDER) : Path.of(SWEEP_SUBFOLDER);
        write(dir, result, outcome);
        PrintWriter w = spec.commandLine().getOut();
        w.println(String.format(Locale.ROOT, "box: coverage %.3f, density %.3f, mass %.3f, %d restricted"
                + " dimensions; written to %s", result.box().coverage(), result.box().density(), result.box().mass(),
                result.box().restricted(), dir));
        w.flush();
        return CloudMarketCli.OK;
    }

    private static Outcome parse(String text) {
        try {
            return Outcome.parse(text);
        } catch (IllegalArgumentException e) {
            throw Failure.badInput("--outcome: " + e.getMessage());
        }
    }

    private Prim.Settings settings() {
        try {
            return new Prim.Settings(peelAlpha, pasteAlpha, massMin, threshold);
        } catch (IllegalArgumentException e) {
            throw Failure.badInput(e.getMessage());
        }
    }

    private Data fromFiles(Outcome outcome) {
        if (inputs == null || outputs == null) {
            throw Failure.badInput("give a SWEEP_DIR, or both --inputs X.csv and --outputs Y.csv");
        }
        Table x = SensitivityAnalyzeCommand.read(inputs);
        Table y = SensitivityAnalyzeCommand.read(outputs);
        if (!y.has(outcome.column())) {
            throw Failure.badInput("--outcome: " + outputs + " has no column '" + outcome.column() + "' (columns: "
                    + String.join(", ", y.header()) + ")");
        }
        try {
            double[][] points = AnalysisFiles.columns(x, x.header());
            double[] values = AnalysisFiles.column(y, outcome.column());
            if (points.length != values.length) {
                throw Failure.badInput(outputs + ": " + values.length + " rows, but " + inputs + " has "
                        + points.length + " (one output row per input row)");
            }
            return new Data(x.header(), points, values);
        } catch (Table.Problem e) {
            throw Failure.badInput(e.getMessage());
        }
    }

    /** The sweep's finished runs (status ok, reference runs left out): numeric parameters and the metric. */
    private Data fromSweep(Outcome outcome) {
        if (inputs != null || outputs != null) {
            throw Failure.badInput("give either SWEEP_DIR or --inputs/--outputs, not both");
        }
        Path manifestFile = sweep.resolve("manifest.json");
        Path runsFile = sweep.resolve("runs.csv");
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(runsFile)) {
            throw Failure.badInput(sweep + " is not a finished sweep folder (needs manifest.json and runs.csv; a"
                    + " sharded sweep needs merge first)");
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw Failure.badInput(manifestFile + ": cannot read: " + Failure.describe(e));
        }
        List<String> metrics = new ArrayList<>();
        manifest.path("metrics").forEach(m -> metrics.add(m.asText()));
        if (!metrics.contains(outcome.column())) {
            throw Failure.badInput("--outcome: '" + outcome.column() + "' names no metric of the sweep " + sweep
                    + " (metrics: " + String.join(", ", metrics) + ")");
        }
        List<String> dims = new ArrayList<>();
        manifest.path("parameters").forEach(p -> {
            if (p.path("numeric").asBoolean(false)) {
                dims.add(p.path("column").asText());
            }
        });
        if (dims.isEmpty()) {
            throw Failure.badInput(sweep + ": the sweep has no numeric parameter to discover a box in");
        }
        Table runs = SensitivityAnalyzeCommand.read(runsFile);
        try {
            List<double[]> points = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (List<String> row : runs.rows()) {
                if (!"ok".equals(runs.get(row, "status")) || "ref".equals(runs.get(row, "cell_id"))) {
                    continue;
                }
                double[] p = new double[dims.size()];
                for (int j = 0; j < p.length; j++) {
                    p[j] = runs.num(row, dims.get(j));
                }
                points.add(p);
                values.add(runs.num(row, outcome.column()));
            }
            return new Data(dims, points.toArray(double[][]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (Table.Problem e) {
            throw Failure.badInput(e.getMessage());
        }
    }

    private void write(Path dir, PrimResult result, Outcome outcome) {
        try {
            Files.createDirectories(dir);
            AnalysisTables.trajectory().write(dir, AnalysisTables.steps(result));
            AnalysisTables.box().write(dir, AnalysisTables.limits(result));
            if (!noCharts) {
                ChartOptions options = chartOptions.options();
                PrimCharts.write(dir, result, outcome, options);
            }
        } catch (IOException e) {
            throw Failure.runFailed("cannot write the discovery into " + dir + ": " + Failure.describe(e), e);
        }
    }
}
