package eu.cloudmarket.cli;

import eu.cloudmarket.estimation.SmmResult;
import eu.cloudmarket.experiment.calibrate.Calibration;
import eu.cloudmarket.experiment.calibrate.CalibrationRun;
import eu.cloudmarket.output.ResultFolder;
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
 * {@code calibrate CALIBRATION_FILE}: estimates scenario parameters by the simulated method of moments, journalling
 * every evaluation so that {@code --resume} continues an interrupted estimation. Sharding over a cluster is not
 * offered: the optimiser's evaluations are sequential; the replications of each run in parallel on the machine.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimate scenario parameters by the simulated method of moments, with standard errors and a"
                + " J test.",
            "Writes estimates.csv, moments.csv, fit.csv, trace.csv, codebook.csv, calibrated.yaml, metadata.json,"
                + " charts/ and the journal evaluations.journal.csv into the calibration folder."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CALIBRATION_FILE", description = "Calibration file (YAML), e.g."
            + " configs/calibration/history-2017.yaml.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Calibration folder (default:"
            + " results/calibrate-<name>-<timestamp>). Required with --resume.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Replications simulated in parallel (default: all"
            + " cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--resume", description = "Continue the calibration in --out: replay its journal, simulate only"
            + " what it lacks. Starts a new calibration if --out does not exist yet.")
    boolean resume;

    @Option(names = "--force", description = "Start again from scratch: delete the calibration folder in --out.")
    boolean force;

    @picocli.CommandLine.Mixin
    ChartOptionsMixin chartOptions = new ChartOptionsMixin();

    @Option(names = "--no-charts", description = "Skip the charts.")
    boolean noCharts;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        checkOptions();
        Calibration c = Calibration.prepare(file);
        Path dir = out != null ? out : ResultFolder.defaultFor("calibrate-" + c.file().name());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        boolean tty = System.console() != null;
        CalibrationRun.Outcome o = CalibrationRun.execute(new CalibrationRun.Request(c, dir, n, resume, force,
                noCharts ? null : chartOptions.options()), i -> {
                    if (tty) {
                        err.printf(Locale.ROOT, "\rcalibrate %s: evaluation %d", c.file().name(), i + 1);
                        err.flush();
                    }
                });
        if (tty) {
            err.println();
        }
        print(spec.commandLine().getOut(), c, o);
        return CloudMarketCli.OK;
    }

    private static void print(PrintWriter w, Calibration c, CalibrationRun.Outcome o) {
        SmmResult r = o.result();
        double[] se = r.standardErrors();
        w.printf(Locale.ROOT, "calibration %s: %d evaluations (%d replayed from the journal) in %s, stopped by %s%n",
                c.file().name(), r.evaluations(), o.replayed(), Progress.duration(o.wallSeconds()), r.stoppedBy());
        for (int k = 0; k < se.length; k++) {
            w.printf(Locale.ROOT, "  %-40s %12.6g  (se %.3g)%n", c.problem().names().get(k), r.estimate()[k], se[k]);
        }
        w.printf(Locale.ROOT, "  J = %.4g, df = %d, p = %s%n", r.j().j(), r.j().df(),
                Double.isNaN(r.j().pValue()) ? "n/a" : String.format(Locale.ROOT, "%.4f", r.j().pValue()));
        w.println("results in " + o.folder());
        w.flush();
    }

    private void checkOptions() {
        if (threads != null && (threads < 1 || threads > 4096)) {
            throw new ConfigException("--threads", null, "must be between 1 and 4096, was " + threads);
        }
        chartOptions.options();
        if (resume && out == null) {
            throw new ConfigException("--resume", null, "needs --out DIR, the calibration folder to continue");
        }
        if (resume && force) {
            throw new ConfigException("--force", null, "cannot be combined with --resume (--force starts again)");
        }
    }
}
