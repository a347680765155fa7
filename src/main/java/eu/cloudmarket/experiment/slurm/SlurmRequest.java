package eu.cloudmarket.experiment.slurm;

import eu.cloudmarket.experiment.sweep.Sweep;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The batch scripts to write for a sweep. Paths are made absolute, since the tasks run elsewhere.
 *
 * @param sweep       the prepared sweep
 * @param sweepFile   its sweep file, readable from the compute nodes
 * @param dir         the sweep folder, on a shared file system
 * @param shards      array tasks, one shard each
 * @param partition   SLURM partition, or null for the cluster's default
 * @param time        time limit per task, or null for the partition's
 * @param cpusPerTask CPUs (and parallel runs) per task
 * @param mem         memory per task, or null for the partition's
 * @param account     the account charged, or null for the user's default
 * @param qos         the quality of service, or null for the default
 * @param sbatch      extra #SBATCH option lines (e.g. {@code --constraint=haswell}), each one line, in order
 * @param jar         the cloudmarket jar the tasks run
 * @param java        the Java command on the compute nodes
 * @param setup       shell lines run before java in each task
 * @param force       replace a sweep folder of another plan
 */
public record SlurmRequest(Sweep sweep, Path sweepFile, Path dir, int shards, String partition, String time,
        int cpusPerTask, String mem, String account, String qos, List<String> sbatch, Path jar, String java, List<String> setup, boolean force) {
    public SlurmRequest {
        Objects.requireNonNull(sweep, "sweep");
        sweepFile = sweepFile.toAbsolutePath().normalize();
        dir = dir.toAbsolutePath().normalize();
        jar = jar.toAbsolutePath().normalize();
        setup = List.copyOf(setup);
        sbatch = List.copyOf(sbatch);
    }
}
