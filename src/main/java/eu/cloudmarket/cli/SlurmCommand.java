package eu.cloudmarket.cli;

import static eu.cloudmarket.experiment.slurm.SlurmScripts.MERGE_SCRIPT;
import static eu.cloudmarket.experiment.slurm.SlurmScripts.SWEEP_SCRIPT;

import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.experiment.slurm.SlurmRequest;
import eu.cloudmarket.experiment.slurm.SlurmScripts;
import eu.cloudmarket.experiment.sweep.Shard;
import eu.cloudmarket.experiment.sweep.Sweep;
import eu.cloudmarket.scenario.ConfigException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slurm SWEEP --shards N --out DIR}: writes the batch scripts of a sweep into DIR ({@link SlurmScripts}) and
 * prints the two commands that submit them, the merge depending on the whole array ({@code --dependency=afterok}).
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write SLURM batch scripts that run a sweep as a job array (one task per shard) and merge it.",
            "Prints the sbatch commands to submit them."})
final class SlurmCommand implements Callable<Integer> {
    /** Account and QOS names as SLURM accepts them. */
    private static final String SLURM_NAME = "[A-Za-z0-9_.-]+";
    /** sbatch options the generated scripts set themselves. */
    private static final List<String> OWN_DIRECTIVES = List.of("--array", "-a", "--output", "-o", "--error", "-e");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "Sweep file (YAML); it and its base scenario must be readable"
            + " from the compute nodes (a shared file system).")
    Path sweepFile;

    @Option(names = "--shards", paramLabel = "N", required = true,
            description = "Number of shards = array tasks (shard I runs the runs with run_id mod N = I-1).")
    int shards;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Sweep folder on a shared file system: results, scripts and logs go here.")
    Path out;

    @Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Time limit per task (default: the partition's).")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
            description = "CPUs per task; each task runs that many runs in parallel (default 1).")
    int cpusPerTask;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 4G (default: the partition's).")
    String mem;

    @Option(names = "--account", paramLabel = "A", description = "SLURM account to charge (default: yours).")
    String account;

    @Option(names = "--qos", paramLabel = "Q", description = "SLURM quality of service (default: the account's).")
    String qos;

    @Option(names = "--sbatch", paramLabel = "LINE", description = "An extra #SBATCH line for both scripts, e.g."
            + " --sbatch '--constraint=haswell' (the leading #SBATCH may be given or left out). Repeatable.")
    List<String> sbatch = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "JAR", description = "The cloudmarket jar the tasks run (default: this one).")
    Path jar;

    @Option(names = "--java", paramLabel = "CMD", defaultValue = "java",
            description = "Java 17+ command on the compute nodes (default: java).")
    String java;

    @Option(names = "--setup", paramLabel = "LINE", description = "A shell line run before java in each task, e.g."
            + " 'module load java/17'. Repeatable.")
    List<String> setup = new ArrayList<>();

    @Option(names = "--force", description = "Delete an existing sweep in DIR that belongs to another sweep plan.")
    boolean force;

    @Override
    public Integer call() {
        checkOptions();
        Path jarPath = jarPath();
        Sweep sweep = Sweep.prepare(sweepFile);
        SweepMessages.warnAboutDesign(spec.commandLine().getErr(), sweep);
        SlurmRequest request = new SlurmRequest(sweep, sweepFile, out, shards, partition, time, cpusPerTask, mem,
                account, qos, sbatchLines(), jarPath, java, setup, force);
        SlurmScripts.write(request);
        printSubmission(spec.commandLine().getOut(), request);
        return CloudMarketCli.OK;
    }

    /** How to submit the scripts, and what to check first. */
    private void printSubmission(PrintWriter o, SlurmRequest request) {
        SweepPlan plan = request.sweep().plan();
        Path dir = request.dir();
        String d = SlurmScripts.quote(dir.toString());
        o.printf(Locale.ROOT, "wrote %s/%s (job array 1-%d: %d runs, %d to %d per task) and %s/%s%n", dir,
                SWEEP_SCRIPT, shards, plan.totalRuns(), plan.runsInShard(shards, shards), plan.runsInShard(1, shards),
                dir, MERGE_SCRIPT);
        o.println("submit the sweep and the merge that waits for all its tasks:");
        o.printf(Locale.ROOT, "  jid=$(sbatch --parsable %s/%s)%n", d, SWEEP_SCRIPT);
        o.printf(Locale.ROOT, "  sbatch --dependency=afterok:${jid%%%%;*} %s/%s%n", d, MERGE_SCRIPT);
        o.printf(Locale.ROOT, "if task K fails, run it again alone (it resumes), then merge:%n");
        o.printf(Locale.ROOT, "  sbatch --array=K %s/%s%n", d, SWEEP_SCRIPT);
        o.printf(Locale.ROOT, "  sbatch %s/%s   (or: java -jar %s merge %s)%n", d, MERGE_SCRIPT,
                SlurmScripts.quote(request.jar().toString()), d);
        if (shards > 1000) {
            o.println("note: many clusters limit job arrays to 1000 tasks (MaxArraySize); check with: scontrol show"
                    + " config | grep MaxArraySize");
        }
        if (shards > plan.totalRuns()) {
            o.printf(Locale.ROOT, "note: %d shards for %d runs: %d tasks will have nothing to do%n", shards,
                    plan.totalRuns(), shards - plan.totalRuns());
        }
        o.flush();
    }

    private void checkOptions() {
        if (shards < 1 || shards > Shard.MAX_SHARDS) {
            throw new ConfigException("--shards", null, "must be between 1 and " + Shard.MAX_SHARDS + ", was "
                    + shards);
        }
        if (cpusPerTask < 1 || cpusPerTask > 4096) {
            throw new ConfigException("--cpus-per-task", null, "must be between 1 and 4096, was " + cpusPerTask);
        }
        if (time != null && !time.matches("\\d+(:\\d{2}){0,2}|\\d+-\\d{1,2}(:\\d{2}){0,2}")) {
            throw new ConfigException("--time", null, "must be a SLURM time limit such as 02:00:00 (HH:MM:SS),"
                    + " 90 (minutes) or 1-12:00:00 (days-hours), was '" + time + "'");
        }
        if (mem != null && !mem.matches("(?i)\\d+[KMGT]?")) {
            throw new ConfigException("--mem", null, "must be a SLURM memory size such as 4G or 4000M, was '" + mem
                    + "'");
        }
        if (partition != null && !partition.matches("[A-Za-z0-9_.,-]+")) {
            throw new ConfigException("--partition", null, "must be a partition name, was '" + partition + "'");
        }
        for (var named : List.of(new String[] {"--account", account}, new String[] {"--qos", qos})) {
            if (named[1] != null && !named[1].matches(SLURM_NAME)) {
                throw new ConfigException(named[0], null, "must be a SLURM name (letters, digits, _ . -), was '"
                        + named[1] + "'");
            }
        }
        sbatchLines();
        if (java.isBlank() || java.contains("\n")) {
            throw new ConfigException("--java", null, "must be a command");
        }
        for (String line : setup) {
            if (line.contains("\n")) {
                throw new ConfigException("--setup", null, "one shell line per --setup");
            }
        }
    }

    /**
     * The --sbatch lines without a leading "#SBATCH": each one sbatch option on one line, and none that the scripts
     * set themselves (the array, the log files), whose change would break the shards or hide the logs.
     */
    private List<String> sbatchLines() {
        List<String> lines = new ArrayList<>();
        for (String given : sbatch) {
            if (given.indexOf('\n') >= 0 || given.indexOf('\r') >= 0 || given.indexOf('\0') >= 0) {
                throw new ConfigException("--sbatch", null, "one #SBATCH line per --sbatch (no line breaks)");
            }
            String line = given.strip().replaceFirst("^#SBATCH\\s+", "");
            if (!line.startsWith("-")) {
                throw new ConfigException("--sbatch", null, "must be an sbatch option such as --constraint=haswell,"
                        + " was '" + given + "'");
            }
            String name = line.startsWith("--") ? line.replaceFirst("[=\\s].*", "") : line.substring(0, Math.min(2,
                    line.length()));
            if (OWN_DIRECTIVES.contains(name)) {
                throw new ConfigException("--sbatch", null, name + " is set by the generated scripts"
                        + " (use --shards for the array; logs go to the sweep folder's slurm-logs/)");
            }
            lines.add(line);
        }
        return lines;
    }

    /** The jar to run: --jar, else the jar this command runs from, else target/cloudmarket.jar beside the classes. */
    private Path jarPath() {
        if (jar != null) {
            Path p = jar.toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("--jar", null, "no such file: " + p);
            }
            return p;
        }
        try {
            Path self = Path.of(CloudMarketCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
                return self.toAbsolutePath().normalize();
            }
            Path built = self.resolveSibling("cloudmarket.jar");
            if (Files.isRegularFile(built)) {
                return built.toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the error below
        }
        throw new ConfigException("--jar", null, "cannot tell which jar the tasks should run; build it (mvn package)"
                + " and pass --jar target/cloudmarket.jar");
    }
}
