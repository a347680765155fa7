package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.sweep.SweepOutcome;
import eu.cloudmarket.experiment.sweep.Sweeps;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.scenario.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge SWEEP_DIR}: joins the journals of all shards of a sweep into runs.csv, cells.csv and the sweep
 * charts, byte-identical to a single-machine sweep. Refuses (exit 2) while any run is missing, naming the shards and
 * runs that are.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the shards of a sweep (sweep --shard I/N) into runs.csv, cells.csv and the charts.",
            "Refuses an incomplete set of shards, naming the missing shards and runs."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP_DIR",
            description = "The sweep folder the shards wrote into (--out of sweep --shard).")
    Path dir;

    @Option(names = "--no-charts", description = "Skip the sweep charts.")
    boolean noCharts;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "png",
            description = "Chart format (png).")
    List<String> formats;

    @Option(names = "--progress", description = "Report the charts drawn on stderr even when stderr is not a"
            + " terminal (on a terminal it is always shown); results are unaffected.")
    boolean progress;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        for (String f : formats) {
            if (!f.trim().equalsIgnoreCase("png")) {
                throw new ConfigException("--format", null, "sweep charts are written as png; '" + f
                        + "' is not supported");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        SweepOutcome outcome = Sweeps.merge(dir, noCharts ? null : ChartOptions.DEFAULT,
                new SweepMessages(err, "merge " + dir, Progress.wanted(progress)));
        SweepMessages.printResults(spec.commandLine().getOut(), outcome);
        return SweepMessages.reportFailures(err, outcome, "sweep");
    }
}
