package eu.cloudmarket.experiment.sweep;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * What a sweep, a shard of one or a merge did.
 *
 * @param dir             the sweep folder
 * @param runs            runs of the sweep (of the shard, for a shard)
 * @param runsExecuted    runs executed now
 * @param wallSeconds     time spent running the runs (merge: building the result files)
 * @param failed          run ids whose run failed (for a shard: its own)
 * @param failureExamples a few failed runs with their errors, for the message
 * @param charts          chart files written (0 for a shard)
 * @param nonFinite       runs that finished with a NaN or infinite metric (0 for a shard: counted at the merge)
 */
public record SweepOutcome(Path dir, int runs, int runsExecuted, double wallSeconds, BitSet failed,
        List<String> failureExamples, int charts, int nonFinite) {
    public SweepOutcome {
        failed = (BitSet) failed.clone();
        failureExamples = List.copyOf(failureExamples);
    }

    @Override
    public BitSet failed() {
        return (BitSet) failed.clone();
    }

    public int failedCount() {
        return failed.cardinality();
    }
}
