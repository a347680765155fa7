package eu.cloudmarket.experiment.run;

import eu.cloudmarket.output.ChartOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One scenario to run into a new result folder, as {@code run CONFIG} asks for it.
 *
 * @param config      the scenario file
 * @param sets        {@code --set key=value} overrides, in order
 * @param seed        the master seed, or null for the config's
 * @param replication the replication index r (>= 0): the run uses the random streams of replication r
 * @param out         the result folder to create, or null for {@code results/<name>-<timestamp>}
 * @param force       replace an existing result folder at {@code out}
 * @param charts      the chart formats, or null for no charts
 */
public record RunRequest(Path config, List<String> sets, Long seed, int replication, Path out, boolean force,
        ChartOptions charts) {
    public RunRequest {
        Objects.requireNonNull(config, "config");
        sets = List.copyOf(sets);
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
    }
}
