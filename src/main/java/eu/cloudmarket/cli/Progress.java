package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.RunOutcome;
import eu.cloudmarket.experiment.SweepExecutor;
import eu.cloudmarket.output.ChartProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr, of a sweep's runs, a single run's quarters or the charts being drawn: steps done / total,
 * failures, rate and ETA. On a terminal the line is redrawn in place (at most five times a second); otherwise (a
 * log file, a SLURM task, a test) a line is printed every {@code intervalSeconds}, and always at the end.
 */
final class Progress implements SweepExecutor.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long start;
    private final String label;
    private final String unit;
    private long lastPrint;
    private int lastWidth;

    Progress(PrintWriter err, boolean terminal, LongSupplier nanoClock, double intervalSeconds, String label) {
        this(err, terminal, nanoClock, intervalSeconds, label, "runs");
    }

    /** {@code unit} names the steps in the line, e.g. "quarters". */
    Progress(PrintWriter err, boolean terminal, LongSupplier nanoClock, double intervalSeconds, String label,
            String unit) {
        this.unit = unit;
        this.err = err;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.intervalNanos = (long) ((terminal ? 0.2 : intervalSeconds) * 1e9);
        this.start = nanoClock.getAsLong();
        this.lastPrint = start;
        this.label = label;
    }

    /** A progress reporter for the real stderr: in place on a terminal, every 5 s otherwise. */
    static Progress forStderr(PrintWriter err, String label) {
        return forStderr(err, label, "runs");
    }

    /** The same, counting {@code unit} (e.g. "quarters"). */
    static Progress forStderr(PrintWriter err, String label, String unit) {
        return new Progress(err, System.console() != null, System::nanoTime, 5, label, unit);
    }

    /** Progress of the charts being drawn, for {@code chart} and {@code merge}. */
    static ChartProgress charts(PrintWriter err, String label) {
        Progress p = forStderr(err, label, "charts");
        return (done, total) -> p.step(done, 0, total);
    }

    /** Whether progress goes to stderr: always on a terminal, otherwise only when asked ({@code --progress}). */
    static boolean wanted(boolean asked) {
        return asked || System.console() != null;
    }

    @Override
    public void finished(RunOutcome outcome, int done, int failed, int total) {
        step(done, failed, total);
    }

    /** {@code done} of {@code total} steps are finished, {@code failed} of them failed. */
    void step(int done, int failed, int total) {
        long now = nanoClock.getAsLong();
        if (done < total && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        String line = line(done, failed, total, (now - start) / 1e9);
        if (terminal) {
            String pad = line.length() < lastWidth ? " ".repeat(lastWidth - line.length()) : "";
            err.print("\r" + line + pad);
            lastWidth = line.length();
            if (done == total) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    String line(int done, int failed, int total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder(label).append(": ");
        sb.append(String.format(Locale.ROOT, "%d/%d %s (%.0f%%)", done, total, unit, total == 0 ? 100.0
                : 100.0 * done / total));
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        sb.append(String.format(Locale.ROOT, ", %.2f %s/s", rate, unit));
        if (done < total) {
            sb.append(", ETA ").append(rate > 0 ? duration((total - done) / rate) : "?");
        } else {
            sb.append(", took ").append(duration(seconds));
        }
        return sb.toString();
    }

    /** h:mm:ss or m:ss. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
