package eu.cloudmarket.experiment.sweep;

import eu.cloudmarket.experiment.SweepExecutor;
import eu.cloudmarket.output.ChartProgress;

/** What a sweep or merge tells its caller while it works (the command line prints it). */
public interface SweepListener {
    /**
     * The journals are read and the runs are about to start.
     *
     * @param damagedLines journal lines ignored (their runs are run again)
     * @param alreadyDone  runs of this sweep (or shard) already in the journals
     * @return the listener told of each finished run
     */
    SweepExecutor.Listener starting(int damagedLines, int alreadyDone);

    /** Every selected run is already in the journals. */
    void nothingLeftToRun();

    /** The listener told of each chart drawn (none by default). */
    default ChartProgress charting() {
        return ChartProgress.NONE;
    }

    /** The charts could not be drawn; the tables are written all the same. */
    void chartsFailed(Exception e);
}
