package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.experiment.sweep.Shard;
import eu.cloudmarket.experiment.sweep.Sweep;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slurm SWEEP --shards N --out DIR}: prepares a sweep for a SLURM cluster. Creates the sweep folder DIR with
 * its manifest, writes {@code DIR/sweep.sbatch} (a job array with one task per shard, each running
 * {@code sweep --shard $SLURM_ARRAY_TASK_ID/N --resume} with the same jar) and {@code DIR/merge.sbatch}, and prints
 * the two commands that submit them, the merge depending on the whole array ({@code --dependency=afterok}).
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write SLURM batch scripts that run a sweep as a job array (one task per shard) and merge it.",
            "Prints the sbatch commands to submit them."})
final class SlurmCommand implements Callable<Integer> {
    static final String SWEEP_SCRIPT = "sweep.sbatch";
    static final String MERGE_SCRIPT = "merge.sbatch";
    static final String LOGS = "slurm-logs";

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
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        Sweep sweep;
        Path jarPath;
        try {
            checkOptions();
            jarPath = jarPath();
            sweep = Sweep.prepare(sweepFile);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (ConfigProblems p) {
            p.problems().forEach(e -> err.println("error: " + e.getMessage()));
            return CloudMarketCli.BAD_INPUT;
        }
        Path dir = out.toAbsolutePath().normalize();
        try {
            prepareFolder(dir, sweep);
            Files.createDirectories(dir.resolve(LOGS));
            Files.createDirectories(dir.resolve(SweepOutputs.SHARDS));
            Path sweepAbs = sweepFile.toAbsolutePath().normalize();
            write(dir.resolve(SWEEP_SCRIPT), sweepScript(sweep, dir, jarPath, sweepAbs));
            write(dir.resolve(MERGE_SCRIPT), mergeScript(sweep, dir, jarPath));
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot write the batch scripts into " + dir + ": " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        }
        SweepPlan plan = sweep.plan();
        String d = quote(dir.toString());
        o.printf(Locale.ROOT, "wrote %s/%s (job array 1-%d: %d runs, %d to %d per task) and %s/%s%n", dir,
                SWEEP_SCRIPT, shards, plan.totalRuns(), plan.runsInShard(shards, shards), plan.runsInShard(1, shards),
                dir, MERGE_SCRIPT);
        o.println("submit the sweep and the merge that waits for all its tasks:");
        o.printf(Locale.ROOT, "  jid=$(sbatch --parsable %s/%s)%n", d, SWEEP_SCRIPT);
        o.printf(Locale.ROOT, "  sbatch --dependency=afterok:${jid%%%%;*} %s/%s%n", d, MERGE_SCRIPT);
        o.printf(Locale.ROOT, "if task K fails, run it again alone (it resumes), then merge:%n");
        o.printf(Locale.ROOT, "  sbatch --array=K %s/%s%n", d, SWEEP_SCRIPT);
        o.printf(Locale.ROOT, "  sbatch %s/%s   (or: java -jar %s merge %s)%n", d, MERGE_SCRIPT,
                quote(jarPath.toString()), d);
        if (shards > 1000) {
            o.println("note: many clusters limit job arrays to 1000 tasks (MaxArraySize); check with: scontrol show"
                    + " config | grep MaxArraySize");
        }
        if (shards > plan.totalRuns()) {
            o.printf(Locale.ROOT, "note: %d shards for %d runs: %d tasks will have nothing to do%n", shards,
                    plan.totalRuns(), shards - plan.totalRuns());
        }
        o.flush();
        return CloudMarketCli.OK;
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
        if (java.isBlank() || java.contains("\n")) {
            throw new ConfigException("--java", null, "must be a command");
        }
        for (String line : setup) {
            if (line.contains("\n")) {
                throw new ConfigException("--setup", null, "one shell line per --setup");
            }
        }
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

    private void prepareFolder(Path dir, Sweep sweep) throws IOException {
        Path manifest = dir.resolve(SweepOutputs.MANIFEST);
        if (Files.exists(manifest)) {
            try {
                SweepCommand.checkManifest(dir, sweep);
                return; // the same sweep: keep its results, rewrite the scripts
            } catch (ConfigException e) {
                if (!force) {
                    throw e;
                }
                ResultFolder.deleteTree(dir);
            }
        } else if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new ConfigException(dir.toString(), null, "exists and is not a sweep folder (no "
                            + SweepOutputs.MANIFEST + "); choose another --out");
                }
            }
        }
        Files.createDirectories(dir);
        SweepOutputs.writeAtomically(manifest, sweep.manifestBytes());
    }

    private List<String> directives(Path dir, String jobName, String output, boolean array) {
        List<String> l = new ArrayList<>();
        l.add("#SBATCH --job-name=" + jobName);
        if (array) {
            l.add("#SBATCH --array=1-" + shards);
        }
        l.add("#SBATCH --cpus-per-task=" + (array ? cpusPerTask : 1));
        l.add("#SBATCH --output=" + dir.resolve(LOGS).resolve(output));
        if (time != null) {
            l.add("#SBATCH --time=" + time);
        }
        if (partition != null) {
            l.add("#SBATCH --partition=" + partition);
        }
        if (mem != null) {
            l.add("#SBATCH --mem=" + mem);
        }
        return l;
    }

    String sweepScript(Sweep sweep, Path dir, Path jarPath, Path sweepAbs) {
        SweepPlan plan = sweep.plan();
        List<String> l = new ArrayList<>();
        l.add("#!/bin/bash");
        l.add("# Generated by cloudmarket " + Metadata.toolVersion() + ": sweep " + plan.name() + ", "
                + plan.totalRuns() + " runs in " + shards + " shards.");
        l.add("# Array task I runs shard I of " + shards + " (the runs with run_id mod " + shards
                + " = I-1) and appends each finished run to");
        l.add("# " + dir.resolve(SweepOutputs.SHARDS) + "/shard-I-of-" + shards + ".journal.csv; it always resumes,"
                + " so a task that failed or was");
        l.add("# cancelled can be run again alone: sbatch --array=K " + dir.resolve(SWEEP_SCRIPT));
        l.addAll(directives(dir, jobName(plan), "sweep-%A_%a.out", true));
        l.add("set -euo pipefail");
        l.addAll(setup);
        l.add("exec " + java + " -jar " + quote(jarPath.toString()) + " sweep " + quote(sweepAbs.toString()) + " --out "
                + quote(dir.toString()) + " --shard \"${SLURM_ARRAY_TASK_ID}/" + shards + "\" --resume --threads"
                + " \"${SLURM_CPUS_PER_TASK:-1}\"");
        return String.join("\n", l) + "\n";
    }

    String mergeScript(Sweep sweep, Path dir, Path jarPath) {
        List<String> l = new ArrayList<>();
        l.add("#!/bin/bash");
        l.add("# Generated by cloudmarket " + Metadata.toolVersion() + ": merges the " + shards + " shards of sweep "
                + sweep.plan().name() + " into runs.csv, cells.csv and charts/.");
        l.add("# Submit it after the array: sbatch --dependency=afterok:<array job id> " + dir.resolve(MERGE_SCRIPT));
        l.addAll(directives(dir, jobName(sweep.plan()) + "-merge", "merge-%j.out", false));
        l.add("set -euo pipefail");
        l.addAll(setup);
        l.add("exec " + java + " -jar " + quote(jarPath.toString()) + " merge " + quote(dir.toString()));
        return String.join("\n", l) + "\n";
    }

    private static String jobName(SweepPlan plan) {
        return "cm-" + plan.name();
    }

    /** Single-quotes a word for bash when it needs it. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=+@%-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void write(Path file, String text) throws IOException {
        SweepOutputs.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: sbatch reads the script anyway
        }
    }
}
