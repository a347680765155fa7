package eu.cloudmarket.experiment.sweep;

import eu.cloudmarket.output.ChartOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A sweep to run into a folder.
 *
 * @param sweep   the prepared sweep
 * @param dir     the sweep folder
 * @param shard   the shard to run, or null for all runs
 * @param threads runs in parallel, >= 1
 * @param resume  continue the sweep already in {@code dir}
 * @param force   start again from scratch (with a shard: only its journal)
 * @param charts  the chart formats, or null for no charts
 */
public record SweepRequest(Sweep sweep, Path dir, Shard shard, int threads, boolean resume, boolean force,
        ChartOptions charts) {
    public SweepRequest {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(dir, "dir");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** "sweep NAME", or "sweep NAME shard I/N": how progress and messages name this work. */
    public String label() {
        return "sweep " + sweep.plan().name() + (shard == null ? "" : " shard " + shard);
    }
}
