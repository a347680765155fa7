package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.SweepExecutor;
import eu.cloudmarket.experiment.sweep.RunIds;
import eu.cloudmarket.experiment.sweep.Sweep;
import eu.cloudmarket.experiment.sweep.SweepFolder;
import eu.cloudmarket.experiment.sweep.SweepListener;
import eu.cloudmarket.experiment.sweep.SweepOutcome;
import eu.cloudmarket.output.ChartProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** What {@code sweep} and {@code merge} print while they work and when they are done. */
final class SweepMessages implements SweepListener {
    private final PrintWriter err;
    private final String label;
    private final boolean chartProgress;

    /** Messages on {@code err}, naming the work {@code label} (e.g. "sweep quick shard 2/4"). */
    SweepMessages(PrintWriter err, String label) {
        this(err, label, false);
    }

    /** The same; {@code chartProgress} adds a progress line for the charts being drawn. */
    SweepMessages(PrintWriter err, String label, boolean chartProgress) {
        this.err = err;
        this.label = label;
        this.chartProgress = chartProgress;
    }

    @Override
    public ChartProgress charting() {
        return chartProgress ? Progress.charts(err, label) : ChartProgress.NONE;
    }

    @Override
    public SweepExecutor.Listener starting(int damagedLines, int alreadyDone) {
        if (damagedLines > 0) {
            err.println("note: ignored " + damagedLines + " damaged journal line(s); those runs are run again");
        }
        if (alreadyDone > 0) {
            err.println(label + ": " + alreadyDone + " runs already in the journal, running the rest");
        }
        return Progress.forStderr(err, label);
    }

    @Override
    public void nothingLeftToRun() {
        err.println(label + ": nothing left to run");
    }

    @Override
    public void chartsFailed(Exception e) {
        err.println("warning: sweep charts failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /**
     * Warns (one line) of a sweep whose statistics cannot be computed: one replication per cell leaves the standard
     * deviations and confidence intervals of cells.csv NaN.
     */
    static void warnAboutDesign(PrintWriter err, Sweep sweep) {
        if (sweep.plan().replications() < 2) {
            err.println("warning: " + sweep.file().file() + ": replications: " + sweep.plan().replications()
                    + " gives means only; the sd and 95% CI columns of cells.csv stay NaN (they need at least 2"
                    + " replications)");
            err.flush();
        }
    }

    /** The result files of a finished sweep or merge. */
    static void printResults(PrintWriter out, SweepOutcome o) {
        out.printf(Locale.ROOT, "results: %s%n", o.dir());
        out.printf(Locale.ROOT, "%d runs (%d failed%s): %s, %s, %s%s%n", o.runs(), o.failedCount(),
                o.nonFinite() == 0 ? "" : ", " + o.nonFinite() + " with a NaN or infinite metric: status nonfinite"
                        + " in runs.csv, left out of n in cells.csv", SweepFolder.RUNS,
                SweepFolder.CELLS, SweepFolder.CODEBOOK, o.charts() == 0 ? "" : ", " + o.charts()
                        + " charts in charts/");
        out.flush();
    }

    /** The exit code of finished work: OK, or RUN_FAILED after listing the failed runs of {@code what}. */
    static int reportFailures(PrintWriter err, SweepOutcome o, String what) {
        if (o.failedCount() == 0) {
            return CloudMarketCli.OK;
        }
        err.println("error: " + o.failedCount() + " run(s) of the " + what + " failed: run_id "
                + RunIds.describe(o.failed(), 20) + " (see the status and error columns of runs.csv or the"
                + " journal)");
        o.failureExamples().forEach(e -> err.println("  " + e));
        err.flush();
        return CloudMarketCli.RUN_FAILED;
    }
}
