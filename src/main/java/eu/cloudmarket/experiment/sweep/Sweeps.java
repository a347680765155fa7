package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.experiment.SweepExecutor;
import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.experiment.SweepRunner;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.FolderLock;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.output.SweepCharts;
import eu.cloudmarket.output.SweepJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The two things done with a sweep folder: {@link #run} a sweep (or one shard of it) into it, and {@link #merge} the
 * journals of its shards. Both end by building runs.csv, cells.csv, codebook.csv, the charts and metadata.json from
 * the journals alone, so a merged sweep is byte-identical to a single-machine one.
 */
public final class Sweeps {
    private static final String KEPT = " (finished runs are kept; continue with --resume)";
    /** Failed runs quoted with their error in messages. */
    private static final int FAILURE_EXAMPLES = 5;

    private Sweeps() {
    }

    /**
     * Runs every run of the request's sweep (or shard) that its journals lack, appending each to the journal as it
     * finishes; without a shard, then builds the result files.
     *
     * @throws eu.cloudmarket.scenario.ConfigException if the folder may not be used for the sweep
     * @throws Failure                                 if the folder cannot be prepared, or the sweep stopped
     */
    public static SweepOutcome run(SweepRequest request, SweepListener listener) {
        FolderLock lock;
        try {
            lock = SweepFolder.prepareForSweep(request.dir(), request.sweep(), request.shard(), request.resume(),
                    request.force());
        } catch (FolderLock.HeldException e) {
            throw Failure.badInput(e.getMessage());
        } catch (IOException e) {
            throw Failure.badInput("cannot prepare sweep folder " + request.dir() + ": " + e.getMessage());
        }
        try {
            return guarded("sweep stopped", KEPT, () -> execute(request, listener));
        } finally {
            release(lock);
        }
    }

    /** Releases a folder lock; should that fail, the lock goes with the process. */
    private static void release(FolderLock lock) {
        try {
            lock.close();
        } catch (IOException ignored) {
            // the operating system releases the lock when the process ends
        }
    }

    /**
     * Builds the result files of a sharded sweep from all its shards' journals.
     *
     * @param charts the chart formats, or null for no charts
     * @throws Failure if {@code dir} is not a sweep folder, a run is missing, or the files cannot be built
     */
    public static SweepOutcome merge(Path dir, ChartOptions charts, SweepListener listener) {
        if (!Files.isDirectory(dir)) {
            throw Failure.badInput(dir + ": no such sweep folder");
        }
        if (!Files.exists(dir.resolve(SweepFolder.MANIFEST))) {
            throw Failure.badInput(dir + ": not a sweep folder (no " + SweepFolder.MANIFEST + ")");
        }
        long t0 = System.nanoTime();
        return guarded("merge failed", "", () -> {
            try (FolderLock lock = FolderLock.acquire(dir, SweepFolder.lockFile(dir, null))) {
                SweepInfo info = SweepInfo.of(SweepFolder.readManifest(dir));
                List<Path> journals = SweepFolder.journals(dir);
                if (journals.isEmpty()) {
                    throw Failure.badInput(dir + ": no journals yet (no shard has started): nothing to merge");
                }
                checkComplete(dir, info, journals);
                return finish(dir, info, new Work("merge", 0, 1, (System.nanoTime() - t0) / 1e9), charts,
                        listener);
            }
        });
    }

    /** A step that reads and writes the sweep folder. */
    @FunctionalInterface
    private interface Step {
        SweepOutcome call() throws IOException, InterruptedException;
    }

    /** Runs a step, turning what stops it into a {@link Failure} named {@code what}, with {@code advice}. */
    private static SweepOutcome guarded(String what, String advice, Step step) {
        try {
            return step.call();
        } catch (Failure f) {
            throw f;
        } catch (FolderLock.HeldException | SweepJournal.ForeignJournalException e) {
            throw Failure.badInput(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw Failure.runFailed(what + ": " + Failure.describe(e) + advice, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.runFailed("interrupted" + advice, null);
        }
    }

    /** How the result files were reached, for metadata.json. */
    private record Work(String command, int runsExecuted, int threads, double wallSeconds) {
    }

    private static SweepOutcome execute(SweepRequest request, SweepListener listener)
            throws IOException, InterruptedException {
        Sweep sweep = request.sweep();
        SweepPlan plan = sweep.plan();
        Shard shard = request.shard();
        SweepInfo info = SweepInfo.of(sweep.manifest());
        SweepExecutor.Result result;
        long t0;
        try (SweepJournal journal = SweepJournal.open(SweepFolder.ownJournal(request.dir(), shard),
                info.journalHeader())) {
            BitSet alreadyDone = new BitSet();
            int damaged;
            try (JournalIndex before = JournalIndex.of(info, request.dir())) {
                for (int id = 0; id < plan.totalRuns(); id++) {
                    if (before.ok(id) && (shard == null || shard.contains(id))) {
                        alreadyDone.set(id);
                    }
                }
                damaged = before.corruptLines();
            }
            SweepExecutor.Listener progress = listener.starting(damaged, alreadyDone.cardinality());
            t0 = System.nanoTime();
            result = new SweepExecutor(plan, request.threads()).execute(
                    id -> (shard == null || shard.contains(id)) && !alreadyDone.get(id),
                    spec -> SweepRunner.run(sweep.setup(spec), plan.masterSeed(), spec.replication(), plan.metrics()),
                    outcome -> journal.append(info.journalFields(outcome)),
                    progress);
            if (result.total() == 0) {
                listener.nothingLeftToRun();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9; // running the runs only: startup and result files excluded
        if (shard != null) {
            return shardOutcome(request, info, result.done(), wall);
        }
        return finish(request.dir(), info, new Work("sweep", result.done(), request.threads(), wall),
                request.charts(), listener);
    }

    /** A shard's own share of the sweep: its runs and its failures (the result files wait for the merge). */
    private static SweepOutcome shardOutcome(SweepRequest request, SweepInfo info, int executed, double wall)
            throws IOException {
        Shard shard = request.shard();
        BitSet mine = new BitSet();
        List<String> examples;
        try (JournalIndex idx = JournalIndex.of(info, request.dir())) {
            BitSet failed = idx.failed();
            for (int id = failed.nextSetBit(0); id >= 0; id = failed.nextSetBit(id + 1)) {
                if (shard.contains(id)) {
                    mine.set(id);
                }
            }
            examples = idx.describeFailures(mine, FAILURE_EXAMPLES);
        }
        return new SweepOutcome(request.dir(), request.sweep().plan().runsInShard(shard.index(), shard.count()),
                executed, wall, mine, examples, 0, 0);
    }

    /** Refuses to merge while any run is missing, naming the shards and runs that are. */
    private static void checkComplete(Path dir, SweepInfo info, List<Path> journals) throws IOException {
        BitSet missing;
        try (JournalIndex idx = JournalIndex.build(info, journals)) {
            missing = idx.missing();
        }
        if (missing.isEmpty()) {
            return;
        }
        TreeSet<Integer> counts = new TreeSet<>();
        TreeSet<Integer> present = new TreeSet<>();
        for (Path j : journals) {
            Matcher m = SweepFolder.SHARD_FILE.matcher(j.getFileName().toString());
            if (m.matches() && j.getParent().getFileName().toString().equals(SweepFolder.SHARDS)) {
                counts.add(Integer.parseInt(m.group(2)));
                present.add(Integer.parseInt(m.group(1)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(dir + ": incomplete sweep: " + missing.cardinality() + " of " + info.runs()
                + " runs are missing; not merging");
        if (counts.size() == 1) {
            int n = counts.first();
            StringBuilder shards = new StringBuilder();
            for (Map.Entry<Integer, BitSet> e : RunIds.byShard(missing, n).entrySet()) {
                int shard = e.getKey();
                BitSet runs = e.getValue();
                lines.add("  shard " + shard + "/" + n + ": " + (present.contains(shard) ? runs.cardinality()
                        + " runs missing" : "no journal (never started)") + ": run_id " + RunIds.describe(runs, 20));
                shards.append(shards.length() == 0 ? "" : ",").append(shard);
            }
            lines.add("  missing shards: " + shards + " of " + n + "; rerun each with: sweep SWEEP --out " + dir
                    + " --shard I/" + n + " --resume");
        } else {
            lines.add("  missing run_id " + RunIds.describe(missing, 40)
                    + (counts.isEmpty() ? "" : " (shard journals of " + counts + " shards found)"));
        }
        throw Failure.badInput(String.join(System.lineSeparator(), lines));
    }

    /** Builds runs.csv, cells.csv, codebook.csv, the charts and metadata.json from the journals. */
    private static SweepOutcome finish(Path dir, SweepInfo info, Work work, ChartOptions charts,
            SweepListener listener) throws IOException {
        BitSet failed;
        List<String> examples;
        int nonFinite;
        try (JournalIndex idx = JournalIndex.of(info, dir)) {
            BitSet missing = idx.missing();
            if (!missing.isEmpty()) {
                throw new IOException(missing.cardinality() + " runs are missing from the journals: "
                        + RunIds.describe(missing, 20));
            }
            nonFinite = SweepTables.write(dir, info, idx);
            failed = idx.failed();
            examples = idx.describeFailures(failed, FAILURE_EXAMPLES);
        }
        List<Path> chartFiles = List.of();
        if (charts != null) {
            try {
                chartFiles = SweepCharts.render(dir, charts, Metrics::label, listener.charting());
            } catch (IOException | RuntimeException e) {
                listener.chartsFailed(e);
            }
        }
        writeMetadata(dir, info, work, failed.cardinality());
        return new SweepOutcome(dir, info.runs(), work.runsExecuted(), work.wallSeconds(), failed, examples,
                chartFiles.size(), nonFinite);
    }

    private static void writeMetadata(Path dir, SweepInfo info, Work work, int failed) throws IOException {
        ObjectNode meta = Metadata.base(new ObjectMapper());
        meta.put("command", work.command());
        meta.put("runs", info.runs());
        meta.put("runs_executed", work.runsExecuted());
        meta.put("failed_runs", failed);
        meta.put("threads", work.threads());
        meta.put("wall_time_s", Math.round(work.wallSeconds() * 1000) / 1000.0);
        if (work.runsExecuted() > 0) {
            meta.put("runs_per_second", Math.round(work.runsExecuted() / work.wallSeconds() * 1000) / 1000.0);
        }
        meta.put("plan_sha256", info.planSha());
        Metadata.write(dir.resolve(SweepFolder.METADATA), meta);
    }
}
