package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.ChartProgress;
import eu.cloudmarket.output.RunCharts;
import eu.cloudmarket.output.RunTables;
import eu.cloudmarket.output.SweepChartFactory;
import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chart RESULT_DIR}: redraws every chart of a run or sweep folder from its saved CSV files. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Redraw the charts of a result folder from its saved CSV files, without re-running anything.",
            "A run folder has quarters.csv; a sweep folder has cells.csv. Charts go to RESULT_DIR/charts."})
final class ChartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", description = "A run folder (with quarters.csv) or a sweep folder (with cells.csv).")
    Path dir;

    @Mixin
    ChartOptionsMixin chartOptions;

    @Option(names = "--progress", description = "Report the charts drawn on stderr even when stderr is not a"
            + " terminal (on a terminal it is always shown); the charts are unaffected.")
    boolean progress;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChartOptions options = chartOptions.options();
        boolean run = Files.isRegularFile(dir.resolve(RunTables.QUARTERS));
        boolean sweep = Files.isRegularFile(dir.resolve(SweepChartFactory.CELLS));
        if (!run && !sweep) {
            throw Failure.badInput(dir + " is not a result folder (no " + RunTables.QUARTERS + " or "
                    + SweepChartFactory.CELLS + " in it)");
        }
        List<Path> written = new ArrayList<>();
        try {
            if (run) {
                written.addAll(RunCharts.render(dir, options, progress("chart " + dir)));
            }
            if (sweep) {
                written.addAll(SweepChartFactory.renderAll(dir, options, Metrics::label,
                        progress("chart " + dir + " (sweep)")));
            }
        } catch (Table.Problem e) {
            throw Failure.badInput("cannot draw the charts of " + dir + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw Failure.runFailed("cannot draw the charts of " + dir + ": " + Failure.describe(e), e);
        }
        out.println(written.size() + " chart files in " + dir.resolve("charts"));
        out.flush();
        return CloudMarketCli.OK;
    }

    private ChartProgress progress(String label) {
        return Progress.wanted(progress) ? Progress.charts(spec.commandLine().getErr(), label) : ChartProgress.NONE;
    }
}
