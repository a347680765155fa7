package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.sweep.Shard;
import eu.cloudmarket.experiment.sweep.Sweep;
import eu.cloudmarket.experiment.sweep.SweepOutcome;
import eu.cloudmarket.experiment.sweep.SweepRequest;
import eu.cloudmarket.experiment.sweep.Sweeps;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.scenario.BundledConfigs;
import eu.cloudmarket.scenario.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep SWEEP}: runs every (cell, replication) of a sweep file in parallel, appending each finished run to a
 * durable journal, then writes runs.csv, cells.csv and the sweep charts. Resumable after a crash, and splittable into
 * shards for a cluster.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a parameter sweep: every cell of the design in every replication, in parallel, crash-safe.",
            "Writes manifest.json, runs.csv, cells.csv (means with 95%% CIs), codebook.csv and charts/ into the"
                + " sweep folder."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "Sweep file (YAML), e.g. configs/sweeps/quick.yaml, or the name of a bundled"
            + " sweep (quick), used when no such file exists.")
    Path sweepFile;

    @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Sweep folder (default: results/sweep-<name>-<timestamp>). Required with --resume and"
                    + " --shard.")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in --out: run only the runs its journal lacks"
            + " (and retry failed ones). Starts a new sweep if --out does not exist yet.")
    boolean resume;

    @Option(names = "--force", description = "Start again from scratch: delete the sweep in --out (with --shard: only"
            + " this shard's journal).")
    boolean force;

    @Option(names = "--dry-run", description = "Print the number of runs and the first cells of the design; run"
            + " nothing, write nothing.")
    boolean dryRun;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based): the runs with"
            + " run_id mod N = I-1. Merge the shards with the merge command.")
    String shard;

    @picocli.CommandLine.Mixin
    ChartOptionsMixin chartOptions = new ChartOptionsMixin();

    @Option(names = "--no-charts", description = "Skip the sweep charts.")
    boolean noCharts;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Shard sh = Shard.parse(shard);
        checkOptions(sh);
        Sweep sweep = Sweep.prepare(BundledConfigs.resolve(sweepFile));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        SweepMessages.warnAboutDesign(err, sweep);
        if (dryRun) {
            DryRun.print(outw, sweep, sh);
            return CloudMarketCli.OK;
        }
        Path dir = out != null ? out : ResultFolder.defaultFor("sweep-" + sweep.plan().name());
        SweepRequest request = new SweepRequest(sweep, dir, sh,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), resume, force,
                noCharts ? null : chartOptions.options());
        SweepOutcome outcome = Sweeps.run(request, new SweepMessages(err, request.label()));
        if (sh == null) {
            SweepMessages.printResults(outw, outcome);
            return SweepMessages.reportFailures(err, outcome, "sweep");
        }
        outw.printf(Locale.ROOT, "shard %s of sweep %s: %d runs done (%d now, in %s); %d failed%n", sh,
                sweep.plan().name(), outcome.runs(), outcome.runsExecuted(), Progress.duration(outcome.wallSeconds()),
                outcome.failedCount());
        outw.printf(Locale.ROOT, "when all %d shards are done: java -jar cloudmarket.jar merge %s%n", sh.count(), dir);
        outw.flush();
        return SweepMessages.reportFailures(err, outcome, "shard " + sh);
    }

    private void checkOptions(Shard sh) {
        if (threads != null && (threads < 1 || threads > 4096)) {
            throw new ConfigException("--threads", null, "must be between 1 and 4096, was " + threads);
        }
        chartOptions.options(); // refuses a bad --format or --dpi before anything runs
        if (sh != null && out == null) {
            throw new ConfigException("--shard", null, "needs --out DIR: all shards write into the same sweep folder");
        }
        if (resume && out == null) {
            throw new ConfigException("--resume", null, "needs --out DIR, the sweep folder to continue");
        }
        if (resume && force) {
            throw new ConfigException("--force", null, "cannot be combined with --resume (--force starts again)");
        }
    }
}
