package eu.cloudmarket.experiment;

import java.util.Objects;

/**
 * The result of one run: its metric values in the plan's metric order, or the one-line error that stopped it.
 *
 * @param spec    the run
 * @param metrics metric values (null when the run failed)
 * @param error   one-line error message (null when the run succeeded)
 */
public record RunOutcome(RunSpec spec, double[] metrics, String error) {
    public RunOutcome {
        Objects.requireNonNull(spec, "spec");
        if ((metrics == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of metrics and error must be given");
        }
        metrics = metrics == null ? null : metrics.clone();
    }

    public boolean ok() {
        return error == null;
    }

    @Override
    public double[] metrics() {
        return metrics == null ? null : metrics.clone();
    }

    /** A one-line description of a throwable: its type and message, at most 500 characters. */
    public static String describe(Throwable t) {
        String msg = t.getMessage();
        String s = t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
        s = s.replace('\r', ' ').replace('\n', ' ').trim();
        return s.length() > 500 ? s.substring(0, 497) + "..." : s;
    }
}
