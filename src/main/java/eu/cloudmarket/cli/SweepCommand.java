package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.SweepExecutor;
import eu.cloudmarket.experiment.SweepParameter;
import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.experiment.SweepRunner;
import eu.cloudmarket.experiment.sweep.Shard;
import eu.cloudmarket.experiment.sweep.Sweep;
import eu.cloudmarket.experiment.sweep.SweepFile;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.output.SweepCharts;
import eu.cloudmarket.output.SweepJournal;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
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
 * {@code sweep SWEEP}: runs every (cell, replication) of a sweep file in parallel, appending each finished run to a
 * durable journal, then writes runs.csv, cells.csv and the sweep charts. Resumable after a crash, and splittable into
 * shards for a cluster.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a parameter sweep: every cell of the design in every replication, in parallel, crash-safe.",
            "Writes manifest.json, runs.csv, cells.csv (means with 95% CIs), codebook.csv and charts/ into the"
                + " sweep folder."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "Sweep file (YAML), e.g. configs/sweeps/quick.yaml.")
    Path sweepFile;

    @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Sweep folder (default: results/sweep-<name>-<timestamp>). Required with --resume and"
                    + " --shard.")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in --out: run only the runs its journal lacks"
            + " (and retry failed ones). Starts a new sweep if --out does not exist yet.")
    boolean resume;

    @Option(names = "--force", description = "Start again from scratch: delete the sweep in --out (with --shard: only"
            + " this shard's journal).")
    boolean force;

    @Option(names = "--dry-run", description = "Print the number of runs and the first cells of the design; run"
            + " nothing, write nothing.")
    boolean dryRun;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based): the runs with"
            + " run_id mod N = I-1. Merge the shards with the merge command.")
    String shard;

    @picocli.CommandLine.Mixin
    ChartOptionsMixin chartOptions = new ChartOptionsMixin();

    @Option(names = "--no-charts", description = "Skip the sweep charts.")
    boolean noCharts;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        Shard sh;
        Sweep sweep;
        try {
            sh = Shard.parse(shard);
            checkOptions(sh);
            sweep = Sweep.prepare(sweepFile);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (ConfigProblems p) {
            p.problems().forEach(e -> err.println("error: " + e.getMessage()));
            return CloudMarketCli.BAD_INPUT;
        }
        if (dryRun) {
            dryRun(outw, sweep, sh);
            return CloudMarketCli.OK;
        }
        Path dir = out != null ? out : RunCommand.defaultFolder("sweep-" + sweep.plan().name());
        try {
            prepareFolder(dir, sweep, sh);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot prepare sweep folder " + dir + ": " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        }
        try {
            return execute(dir, sweep, sh, outw, err);
        } catch (SweepJournal.LockedException | SweepJournal.ForeignJournalException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println("error: sweep stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (finished runs are kept; continue with --resume)");
            if (verbose) {
                e.printStackTrace(err);
            }
            return CloudMarketCli.RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted (finished runs are kept; continue with --resume)");
            return CloudMarketCli.RUN_FAILED;
        }
    }

    private void checkOptions(Shard sh) {
        if (threads != null && (threads < 1 || threads > 4096)) {
            throw new ConfigException("--threads", null, "must be between 1 and 4096, was " + threads);
        }
        chartOptions.options(); // refuses a bad --format or --dpi before anything runs
        if (sh != null && out == null) {
            throw new ConfigException("--shard", null, "needs --out DIR: all shards write into the same sweep folder");
        }
        if (resume && out == null) {
            throw new ConfigException("--resume", null, "needs --out DIR, the sweep folder to continue");
        }
        if (resume && force) {
            throw new ConfigException("--force", null, "cannot be combined with --resume (--force starts again)");
        }
    }

    private void dryRun(PrintWriter o, Sweep sweep, Shard sh) {
        SweepPlan p = sweep.plan();
        SweepFile f = sweep.file();
        o.printf(Locale.ROOT, "sweep %s: %s design, %d cells x %d replications = %d runs%s%n", p.name(),
                p.design().kind(), p.cells(), p.replications(), p.cells() * p.replications(),
                p.hasReference() ? String.format(Locale.ROOT, ", plus %d reference runs = %d runs", p.replications(),
                        p.totalRuns()) : "");
        o.printf(Locale.ROOT, "base %s, master seed %d%s%n", f.base(), p.masterSeed(),
                p.fixedOverrides().isEmpty() ? "" : ", fixed: " + String.join(" ", p.fixedOverrides()));
        if (p.hasReference()) {
            o.printf(Locale.ROOT, "reference: %s %s%n", f.referenceBase(), String.join(" ", p.referenceOverrides()));
        }
        for (SweepParameter par : p.parameters()) {
            o.printf(Locale.ROOT, "parameter %s: %s%n", par.column().equals(par.path()) ? par.path()
                    : par.column() + " (" + par.path() + ")", par.describe());
        }
        o.println("metrics: " + String.join(", ", p.metrics()));
        if (sh != null) {
            o.printf(Locale.ROOT, "shard %s: %d runs (run_id mod %d = %d)%n", sh, p.runsInShard(sh.index(), sh.count()),
                    sh.count(), sh.index() - 1);
        }
        if ("sobol".equals(p.design().kind()) && Integer.bitCount(p.cells()) != 1) {
            o.printf(Locale.ROOT, "note: Sobol points are best balanced when samples is a power of two (e.g. %d)%n",
                    Integer.highestOneBit(p.cells()) << 1);
        }
        int show = Math.min(p.cells(), 10);
        List<String> head = new ArrayList<>(List.of("cell_id"));
        p.parameters().forEach(par -> head.add(par.column()));
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < show; c++) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(c)));
            p.design().cell(c).forEach(v -> r.add(v.text()));
            rows.add(r);
        }
        int[] width = new int[head.size()];
        for (int i = 0; i < head.size(); i++) {
            width[i] = head.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        o.println();
        o.println(pad(head, width));
        rows.forEach(r -> o.println(pad(r, width)));
        if (show < p.cells()) {
            o.printf(Locale.ROOT, "... (first %d of %d cells)%n", show, p.cells());
        }
        o.flush();
    }

    private static String pad(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells.get(i);
            sb.append(c).append(" ".repeat(i == cells.size() - 1 ? 0 : width[i] - c.length()));
        }
        return sb.toString();
    }

    /** Creates or checks the sweep folder and its manifest; refuses to mix sweeps or overwrite without --force. */
    private void prepareFolder(Path dir, Sweep sweep, Shard sh) throws IOException {
        Path manifest = dir.resolve(SweepOutputs.MANIFEST);
        if (sh == null && Files.exists(dir)) {
            if (force) {
                if (!Files.exists(manifest) && !isEmptyDir(dir)) {
                    throw new ConfigException(dir.toString(), null, "exists and is not a sweep folder (no "
                            + SweepOutputs.MANIFEST + "); not deleting it: choose another --out");
                }
                ResultFolder.deleteTree(dir);
            } else if (!resume) {
                throw new ConfigException(dir.toString(), null, "already exists; add --resume to continue that sweep,"
                        + " or --force to start it again from scratch");
            }
        }
        if (Files.exists(manifest)) {
            checkManifest(dir, sweep);
        } else if (Files.exists(dir) && !isEmptyDir(dir) && sh == null) {
            throw new ConfigException(dir.toString(), null, "exists and is not a sweep folder (no "
                    + SweepOutputs.MANIFEST + ")");
        } else {
            Files.createDirectories(dir);
            SweepOutputs.writeAtomically(manifest, sweep.manifestBytes());
        }
        if (sh != null) {
            Files.createDirectories(dir.resolve(SweepOutputs.SHARDS));
            Path own = SweepOutputs.shardJournal(dir, sh.index(), sh.count());
            if (Files.exists(own) && !resume) {
                if (!force) {
                    throw new ConfigException(own.toString(), null, "already exists; add --resume to continue this"
                            + " shard, or --force to run it again from scratch");
                }
                Files.delete(own);
            }
        }
    }

    static void checkManifest(Path dir, Sweep sweep) throws IOException {
        JsonNode existing;
        try {
            existing = SweepOutputs.readManifest(dir);
        } catch (IOException e) {
            throw new ConfigException(dir.resolve(SweepOutputs.MANIFEST).toString(), null, e.getMessage());
        }
        if (!sweep.planSha().equals(existing.get("plan_sha256").asText())) {
            throw new ConfigException(dir.toString(), null, "holds a different sweep (the sweep file, its base scenario"
                    + " or its overrides changed since it started: plan " + existing.get("plan_sha256").asText()
                    .substring(0, 12) + " vs " + sweep.planSha().substring(0, 12) + "); use another --out, or --force"
                    + " to start again");
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private int execute(Path dir, Sweep sweep, Shard sh, PrintWriter outw, PrintWriter err)
            throws IOException, InterruptedException {
        SweepPlan plan = sweep.plan();
        SweepOutputs.Info info = SweepOutputs.info(sweep.manifest());
        Path own = sh == null ? dir.resolve(SweepOutputs.JOURNAL) : SweepOutputs.shardJournal(dir, sh.index(),
                sh.count());
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepExecutor.Result result;
        long t0;
        BitSet alreadyDone = new BitSet();
        try (SweepJournal journal = SweepJournal.open(own, info.journalHeader())) {
            try (SweepOutputs.Index before = SweepOutputs.Index.build(info, SweepOutputs.journals(dir))) {
                for (int id = 0; id < plan.totalRuns(); id++) {
                    if (before.ok(id) && (sh == null || sh.contains(id))) {
                        alreadyDone.set(id);
                    }
                }
                if (before.corruptLines > 0) {
                    err.println("note: ignored " + before.corruptLines + " damaged journal line(s); those runs are"
                            + " run again");
                }
            }
            String label = "sweep " + plan.name() + (sh == null ? "" : " shard " + sh);
            if (alreadyDone.cardinality() > 0) {
                err.println(label + ": " + alreadyDone.cardinality()
                        + " runs already in the journal, running the rest");
            }
            Progress progress = Progress.forStderr(err, label);
            int columns = plan.parameters().size();
            int metrics = plan.metrics().size();
            t0 = System.nanoTime();
            result = new SweepExecutor(plan, nThreads).execute(
                    id -> (sh == null || sh.contains(id)) && !alreadyDone.get(id),
                    spec -> SweepRunner.run(sweep.setup(spec), plan.masterSeed(), spec.replication(), plan.metrics()),
                    outcome -> journal.append(SweepOutputs.journalFields(outcome, columns, metrics)),
                    progress);
            if (result.total() == 0) {
                err.println(label + ": nothing left to run");
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9; // running the runs only: startup and result files excluded
        if (sh != null) {
            BitSet mine = new BitSet();
            List<String> examples;
            try (SweepOutputs.Index idx = SweepOutputs.Index.build(info, SweepOutputs.journals(dir))) {
                BitSet failed = idx.failed();
                for (int id = failed.nextSetBit(0); id >= 0; id = failed.nextSetBit(id + 1)) {
                    if (sh.contains(id)) {
                        mine.set(id);
                    }
                }
                examples = idx.describeFailures(mine, 5);
            }
            outw.printf(Locale.ROOT, "shard %s of sweep %s: %d runs done (%d now, in %s); %d failed%n", sh, plan.name(),
                    plan.runsInShard(sh.index(), sh.count()), result.done(), Progress.duration(wall),
                    mine.cardinality());
            outw.printf(Locale.ROOT, "when all %d shards are done: java -jar cloudmarket.jar merge %s%n", sh.count(),
                    dir);
            outw.flush();
            return reportFailures(err, mine, examples, "shard " + sh);
        }
        return finish(dir, info, sweep, result, nThreads, wall, noCharts, chartOptions.options(), outw, err);
    }

    /** Builds runs.csv, cells.csv, codebook.csv, charts and metadata.json from the journals. */
    static int finish(Path dir, SweepOutputs.Info info, Sweep sweep, SweepExecutor.Result result, int nThreads,
            double wall, boolean noCharts, eu.cloudmarket.output.ChartOptions chartFormats, PrintWriter outw,
            PrintWriter err) throws IOException {
        BitSet failed;
        List<String> examples;
        try (SweepOutputs.Index idx = SweepOutputs.Index.build(info, SweepOutputs.journals(dir))) {
            BitSet missing = idx.missing();
            if (!missing.isEmpty()) {
                throw new IOException(missing.cardinality() + " runs are missing from the journals: "
                        + SweepOutputs.describeRuns(missing, 20));
            }
            SweepOutputs.write(dir, info, idx);
            failed = idx.failed();
            examples = idx.describeFailures(failed, 5);
        }
        List<Path> charts = List.of();
        if (!noCharts) {
            try {
                charts = SweepCharts.render(dir, chartFormats);
            } catch (IOException | RuntimeException e) {
                err.println("warning: sweep charts failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        ObjectNode meta = Metadata.base(new ObjectMapper());
        meta.put("command", sweep == null ? "merge" : "sweep");
        meta.put("runs", info.runs());
        meta.put("runs_executed", result == null ? 0 : result.done());
        meta.put("failed_runs", failed.cardinality());
        meta.put("threads", nThreads);
        meta.put("wall_time_s", Math.round(wall * 1000) / 1000.0);
        if (result != null && result.done() > 0) {
            meta.put("runs_per_second", Math.round(result.done() / wall * 1000) / 1000.0);
        }
        meta.put("plan_sha256", info.planSha());
        Metadata.write(dir.resolve(SweepOutputs.METADATA), meta);
        outw.printf(Locale.ROOT, "results: %s%n", dir);
        outw.printf(Locale.ROOT, "%d runs (%d failed): %s, %s, %s%s%n", info.runs(), failed.cardinality(),
                SweepOutputs.RUNS, SweepOutputs.CELLS, SweepOutputs.CODEBOOK,
                charts.isEmpty() ? "" : ", " + charts.size() + " charts in charts/");
        outw.flush();
        return reportFailures(err, failed, examples, "sweep");
    }

    static int reportFailures(PrintWriter err, BitSet failed, List<String> examples, String what) {
        if (failed.isEmpty()) {
            return CloudMarketCli.OK;
        }
        err.println("error: " + failed.cardinality() + " run(s) of the " + what + " failed: run_id "
                + SweepOutputs.describeRuns(failed, 20) + " (see the status and error columns of runs.csv or the"
                + " journal)");
        examples.forEach(e -> err.println("  " + e));
        err.flush();
        return CloudMarketCli.RUN_FAILED;
    }
}
