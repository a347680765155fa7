package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    static final String TINY = "src/test/resources/sweeps/tiny.yaml";
    static final String BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath().toString();

    @TempDir
    static Path shared;
    /** An uninterrupted single-machine sweep of tiny.yaml on two threads, the reference for the other tests. */
    static Path single;

    @BeforeAll
    static void singleMachineSweep() {
        single = shared.resolve("single");
        CliHarness.Result r = CliHarness.run("sweep", TINY, "--out", single.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
    }

    static CliHarness.Result sweep(String file, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", file, "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(new String[0]));
    }

    static void assertSameResults(Path expected, Path actual) throws IOException {
        for (String f : List.of("runs.csv", "cells.csv", "codebook.csv")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)),
                    f + " differs");
        }
    }

    static Path sweepFile(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "base: " + BASELINE + "\n" + body, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theSweepWritesEveryPromisedFileWithSortedRowsAndTStatistics() throws Exception {
        for (String f : List.of("manifest.json", "runs.csv", "cells.csv", "codebook.csv", "metadata.json",
                "runs.journal.csv")) {
            assertTrue(Files.size(single.resolve(f)) > 0, f);
        }
        Table runs = Table.read(single.resolve("runs.csv"));
        assertEquals(List.of("run_id", "cell_id", "replication", "seed", "sigma", "shock_public", "final_share.eu",
                "final_share.alibaba", "mean_price_ai", "consumer_surplus_total", "switching_rate_annual", "status",
                "error"), runs.header());
        assertEquals(15, runs.rows().size());
        for (int i = 0; i < 15; i++) {
            List<String> row = runs.rows().get(i);
            assertEquals(Integer.toString(i), row.get(0));
            assertEquals(i < 12 ? Integer.toString(i / 3) : "ref", row.get(1));
            assertEquals(Integer.toString(i % 3), row.get(2));
            assertEquals("7", row.get(3));
            assertEquals("ok", runs.get(row, "status"));
        }
        assertEquals(List.of("0.5", "1.2"), runs.rows().get(11).subList(4, 6));
        Table cells = Table.read(single.resolve("cells.csv"));
        assertEquals(List.of("cell_id", "sigma", "shock_public", "metric", "n", "mean", "sd", "ci_low", "ci_high",
                "diff_n", "diff_mean", "diff_sd", "diff_ci_low", "diff_ci_high"), cells.header());
        assertEquals(5 * 5, cells.rows().size());
        // cell 1, final_share.eu: mean and t interval of its three replications
        List<String> row = cells.rows().get(5);
        assertEquals(List.of("1", "0.1", "1.2", "final_share.eu", "3"), row.subList(0, 5));
        double[] x = new double[3];
        for (int r = 0; r < 3; r++) {
            x[r] = Double.parseDouble(runs.get(runs.rows().get(3 + r), "final_share.eu"));
        }
        double mean = (x[0] + x[1] + x[2]) / 3;
        assertEquals(mean, cells.num(row, "mean"), 1e-6);
        double sd = Math.sqrt(((x[0] - mean) * (x[0] - mean) + (x[1] - mean) * (x[1] - mean)
                + (x[2] - mean) * (x[2] - mean)) / 2);
        assertEquals(mean - 4.302652729911275 * sd / Math.sqrt(3), cells.num(row, "ci_low"), 2e-6);
        List<String> ref = cells.rows().get(20);
        assertEquals("ref", ref.get(0));
        assertEquals("", cells.get(ref, "diff_mean"));
        String manifest = Files.readString(single.resolve("manifest.json"));
        for (String key : List.of("\"design\" : \"grid\"", "\"runs\" : 15", "\"master_seed\" : 7",
                "\"base_scenario_sha256\"", "\"plan_sha256\"", "\"version\"", "\"replications\" : 3")) {
            assertTrue(manifest.contains(key), key + " in manifest");
        }
        assertTrue(Files.readString(single.resolve("codebook.csv")).contains("switching_rate_annual"));
    }

    @Test
    void oneAndThreeThreadsGiveByteIdenticalFiles(@TempDir Path tmp) throws Exception {
        assertEquals(0, sweep(TINY, tmp.resolve("t1"), "--threads", "1", "--no-charts").code());
        assertEquals(0, sweep(TINY, tmp.resolve("t3"), "--threads", "3", "--no-charts").code());
        assertSameResults(single, tmp.resolve("t1"));
        assertSameResults(single, tmp.resolve("t3"));
        assertArrayEquals(Files.readAllBytes(single.resolve("manifest.json")),
                Files.readAllBytes(tmp.resolve("t3/manifest.json")));
    }

    @Test
    void aCellRunIsExactlyTheRunCommandWithTheSameSeedReplicationAndOverrides(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliHarness.Result r = CliHarness.run("run", "configs/baseline.yaml", "--seed", "7", "--replication", "2",
                "--set", "buyers.count=1000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--set", "market.nestingSigma=0.5", "--set", "events.ms-senate.deltaBeta.public=1.2", "--no-charts",
                "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        Table q = Table.read(run.resolve("quarters.csv"));
        List<String> lastEu = null;
        for (List<String> row : q.rows()) {
            if (q.get(row, "quarter_index").equals("7") && q.get(row, "provider").equals("eu")) {
                lastEu = row;
            }
        }
        Table runs = Table.read(single.resolve("runs.csv"));
        List<String> run11 = runs.rows().get(11);
        assertEquals(List.of("11", "3", "2"), run11.subList(0, 3));
        assertEquals(q.get(lastEu, "revenue_share"), runs.get(run11, "final_share.eu"));
        Table w = Table.read(run.resolve("welfare.csv"));
        double cs = 0;
        for (List<String> row : w.rows()) {
            if (w.get(row, "group").equals("market") && w.get(row, "measure").equals("consumer_surplus")) {
                cs += w.num(row, "value_eur_bn");
            }
        }
        assertEquals(cs, runs.num(run11, "consumer_surplus_total"), 1e-4);
    }

    @Test
    void resumingATornJournalRunsOnlyTheMissingRunsAndGivesByteIdenticalFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("resumed");
        Files.createDirectories(dir);
        Files.copy(single.resolve("manifest.json"), dir.resolve("manifest.json"));
        List<String> lines = Files.readAllLines(single.resolve("runs.journal.csv"));
        // header (2 lines) + 6 runs, a damaged 7th line in the middle, then a torn half line at the end
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(lines.get(i)).append('\n');
        }
        sb.append(lines.get(8).replace(",ok,", ",ok,X")).append('\n');
        sb.append(lines.get(9), 0, lines.get(9).length() / 2);
        Files.writeString(dir.resolve("runs.journal.csv"), sb.toString());
        CliHarness.Result r = sweep(TINY, dir, "--resume", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("6 runs already in the journal"), r.err());
        assertTrue(r.err().contains("ignored 1 damaged journal line"), r.err());
        assertTrue(r.err().contains("9/9 runs"), r.err());
        assertSameResults(single, dir);
        // resuming a finished sweep runs nothing and rewrites the same files
        CliHarness.Result again = sweep(TINY, dir, "--resume", "--no-charts");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("nothing left to run"), again.err());
        assertSameResults(single, dir);
    }

    @Test
    void shardsMergeIntoByteIdenticalFilesAndAnIncompleteSetIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sharded");
        for (int i : new int[] {3, 1}) {
            CliHarness.Result r = sweep(TINY, dir, "--shard", i + "/4", "--threads", "2");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("shard " + i + "/4"), r.out());
        }
        assertFalse(Files.exists(dir.resolve("runs.csv")), "a shard never writes the merged files");
        CliHarness.Result refused = CliHarness.run("merge", dir.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("shard 2/4: no journal (never started): run_id 1, 5, 9, 13"),
                refused.err());
        assertTrue(refused.err().contains("shard 4/4"), refused.err());
        assertTrue(refused.err().contains("missing shards: 2,4 of 4"), refused.err());
        assertFalse(Files.exists(dir.resolve("runs.csv")));
        for (int i : new int[] {4, 2}) {
            assertEquals(0, sweep(TINY, dir, "--shard", i + "/4", "--threads", "1").code());
        }
        CliHarness.Result merged = CliHarness.run("merge", dir.toString());
        assertEquals(0, merged.code(), merged.err());
        assertSameResults(single, dir);
        assertFalse(merged.err().contains(" charts ("), "chart progress without --progress: " + merged.err());
        // merging again with --progress reports the charts on stderr and writes the same result files
        CliHarness.Result shown = CliHarness.run("merge", dir.toString(), "--progress");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.err().matches("(?s).*merge .*: (\\d+)/\\1 charts \\(100%\\).*"), shown.err());
        assertEquals(merged.out(), shown.out());
        assertSameResults(single, dir);
        assertTrue(Files.exists(dir.resolve("charts/sweep_final_share_eu_heatmap.png")));
        // a shard run again without --resume is refused; with --resume it has nothing to do
        assertEquals(2, sweep(TINY, dir, "--shard", "2/4").code());
        assertEquals(0, sweep(TINY, dir, "--shard", "2/4", "--resume").code());
    }

    @Test
    void mergeNamesMissingRunsOfAPartlyFinishedShard(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("partial");
        for (int i = 1; i <= 2; i++) {
            assertEquals(0, sweep(TINY, dir, "--shard", i + "/2", "--no-charts").code());
        }
        Path j = dir.resolve("shards/shard-2-of-2.journal.csv");
        List<String> lines = Files.readAllLines(j);
        Files.write(j, lines.subList(0, lines.size() - 2));
        CliHarness.Result r = CliHarness.run("merge", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("shard 2/2: 2 runs missing"), r.err());
    }

    @Test
    void badShardValuesAreRefusedWithExitCodeTwo(@TempDir Path tmp) {
        for (String bad : List.of("5/4", "0/0", "x", "1/0", "0/3", "2", "-1/2", "1/2/3")) {
            CliHarness.Result r = sweep(TINY, tmp.resolve("s"), "--shard", bad);
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().startsWith("error: --shard: "), bad + ": " + r.err());
            assertFalse(Files.exists(tmp.resolve("s")), "nothing written for " + bad);
        }
        CliHarness.Result noOut = CliHarness.run("sweep", TINY, "--shard", "1/2");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("needs --out"), noOut.err());
    }

    @Test
    void anExistingSweepFolderIsKeptUnlessResumedOrForced(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("again");
        assertEquals(0, sweep(TINY, dir, "--no-charts").code());
        byte[] before = Files.readAllBytes(dir.resolve("runs.csv"));
        CliHarness.Result refused = sweep(TINY, dir, "--no-charts");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("already exists; add --resume"), refused.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("runs.csv")));
        assertEquals(0, sweep(TINY, dir, "--force", "--no-charts").code());
        assertSameResults(single, dir);
        Path other = sweepFile(tmp, "other.yaml", "set: {buyers.count: 800, horizon.quarters: 8,"
                + " horizon.truncateEvents: true}\ndesign: grid\nreplications: 1\nparameters:\n"
                + "  - {path: market.nestingSigma, values: [0.2]}\n");
        CliHarness.Result foreign = sweep(other.toString(), dir, "--resume");
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("holds a different sweep"), foreign.err());
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("mine.txt"), "keep");
        CliHarness.Result notSweep = sweep(TINY, plain, "--force");
        assertEquals(2, notSweep.code());
        assertTrue(notSweep.err().contains("not a sweep folder"), notSweep.err());
        assertEquals("keep", Files.readString(plain.resolve("mine.txt")));
    }

    @Test
    void aFailingRunIsRecordedWithItsErrorAndTheSweepExitsOneNamingIt(@TempDir Path tmp) throws Exception {
        // Each value is valid on its own; the combination price 0.1 with marginal cost 1.5 is refused at load.
        Path f = sweepFile(tmp, "fails.yaml", "set: {buyers.count: 800, horizon.quarters: 6,"
                + " horizon.truncateEvents: true}\ndesign: grid\nreplications: 2\nseed: 3\nparameters:\n"
                + "  - {path: providers.eu.general.price, name: price, values: [0.85, 0.1]}\n"
                + "  - {path: providers.eu.general.marginalCost, name: cost, values: [0.53, 1.5]}\n"
                + "metrics: [final_share.eu]\n");
        Path dir = tmp.resolve("failing");
        CliHarness.Result r = sweep(f.toString(), dir, "--threads", "2", "--no-charts");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("2 run(s) of the sweep failed: run_id 6, 7"), r.err());
        assertTrue(r.err().contains("run 6 (cell 3, replication 0): InvalidScenario: key 'providers.eu': marginal"
                + " cost"), r.err());
        Table runs = Table.read(dir.resolve("runs.csv"));
        assertEquals(8, runs.rows().size());
        List<String> failed = runs.rows().get(6);
        assertEquals("failed", runs.get(failed, "status"));
        assertEquals("", runs.get(failed, "final_share.eu"));
        assertTrue(runs.get(failed, "error").contains("marginal cost above ten times the price"),
                runs.get(failed, "error"));
        assertEquals("ok", runs.get(runs.rows().get(5), "status"));
        Table cells = Table.read(dir.resolve("cells.csv"));
        assertEquals("0", cells.get(cells.rows().get(3), "n"));
        assertEquals("NaN", cells.get(cells.rows().get(3), "mean"));
        assertEquals("2", cells.get(cells.rows().get(2), "n"));
        // --resume retries the failed runs (they fail again, deterministically) and keeps the others
        CliHarness.Result again = sweep(f.toString(), dir, "--resume", "--no-charts");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("6 runs already in the journal"), again.err());
    }

    @Test
    void dryRunPrintsTheDesignAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("dry");
        CliHarness.Result r = sweep(TINY, out, "--dry-run", "--shard", "2/3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 cells x 3 replications = 12 runs, plus 3 reference runs = 15 runs"), r.out());
        assertTrue(r.out().contains("shard 2/3: 5 runs (run_id mod 3 = 1)"), r.out());
        assertTrue(r.out().contains("cell_id  sigma  shock_public"), r.out());
        assertTrue(r.out().contains("3        0.5    1.2"), r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void sampledDesignsRoundIntegersAndDrawScatterCharts(@TempDir Path tmp) throws Exception {
        Path f = sweepFile(tmp, "lhs.yaml", "set: {horizon.quarters: 6, horizon.truncateEvents: true}\n"
                + "design: lhs\nsamples: 4\nreplications: 2\nseed: 11\nparameters:\n"
                + "  - {path: buyers.count, name: buyers, range: [600, 1200], integer: true}\n"
                + "  - {path: market.nestingSigma, name: sigma, range: [0.05, 0.5], distribution: loguniform}\n"
                + "metrics: [final_share.*, hhi_final, cloud_adoption_final]\n"
                + "reference: {base: " + BASELINE + "}\n");
        Path dir = tmp.resolve("lhs");
        CliHarness.Result r = sweep(f.toString(), dir);
        assertEquals(0, r.code(), r.err());
        Table runs = Table.read(dir.resolve("runs.csv"));
        assertEquals(10, runs.rows().size());
        assertTrue(runs.has("final_share.alibaba") && runs.has("hhi_final"));
        assertEquals(List.of("ref", "ref"), runs.rows().subList(8, 10).stream().map(row -> row.get(1)).toList());
        assertEquals("", runs.get(runs.rows().get(9), "buyers"), "reference rows have no parameter values");
        Table cells = Table.read(dir.resolve("cells.csv"));
        assertEquals("2", cells.get(cells.rows().get(0), "diff_n"));
        runs = new Table(runs.header(), runs.rows().subList(0, 8));
        for (List<String> row : runs.rows()) {
            int buyers = Integer.parseInt(runs.get(row, "buyers"));
            assertTrue(buyers >= 600 && buyers <= 1200);
            double sigma = runs.num(row, "sigma");
            assertTrue(sigma >= 0.05 && sigma <= 0.5);
        }
        assertTrue(Files.exists(dir.resolve("charts/sweep_hhi_final_by_sigma.png")));
        assertFalse(Files.exists(dir.resolve("charts/sweep_hhi_final_heatmap.png")), "no heatmap for sampled designs");
    }

    @Test
    void badSweepFilesGiveOneLineErrorsNamingFileLineKeyAndReason(@TempDir Path tmp) throws Exception {
        String ok = "design: grid\nreplications: 1\nparameters:\n  - {path: market.nestingSigma, values: [0.1]}\n";
        String[][] cases = {
            {"designx: grid\n" + ok, "key 'designx': unknown key (did you mean 'design'?)"},
            {ok.replace("grid", "gird"), "key 'design': unknown design 'gird' (did you mean 'grid'?)"},
            {ok.replace("nestingSigma", "nestingSigmaa"), "key 'parameters.0': value 0.1 of market.nestingSigmaa"
                + " is refused by the base scenario"},
            {ok.replace("0.1]", "1.5]"), "key 'parameters.0': value 1.5 of market.nestingSigma is refused"},
            {ok + "metrics: [final_share.tencent]\n", "key 'metrics.0': metric 'final_share.tencent': unknown"
                + " provider 'tencent'"},
            {ok + "samples: 4\n", "key 'samples': only for the sampled designs"},
            {ok.replace("replications: 1\n", ""), "key 'replications': is required"},
            {ok.replace("replications: 1", "replications: 0"), "key 'replications': must be between 1"},
            {ok.replace("grid", "sobol"), "key 'samples': is required for the sobol design"},
            {ok.replace("grid", "lhs").replace("values: [0.1]", "range: [0.1, 0.3], steps: 3") + "samples: 4\n",
                "key 'parameters.0.steps': only for grid designs"},
            {ok.replace("values: [0.1]", "range: [0.1, 0.3]"), "key 'parameters.0': a grid parameter needs"},
            {ok + "set: {market.nestingSigma: 0.2}\n", "key 'parameters.0.path': 'market.nestingSigma' is also"
                + " fixed"},
            {ok.replace("values: [0.1]", "values: [0.1, 0.1]"), "key 'parameters.0.values.1': value 0.1 is listed"
                + " twice"},
            {ok + "seed: abc\n", "key 'seed': must be a whole number"},
            {ok + "reference: {}\n", "key 'reference': give the reference's"},
        };
        for (String[] c : cases) {
            Path f = sweepFile(tmp, "bad.yaml", c[0]);
            CliHarness.Result r = sweep(f.toString(), tmp.resolve("never"), "--dry-run");
            assertEquals(2, r.code(), c[1] + " / " + r.err());
            assertTrue(r.err().startsWith("error: " + f + ":"), r.err());
            assertTrue(r.err().contains(c[1]), "expected '" + c[1] + "' in: " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
        CliHarness.Result missing = CliHarness.run("sweep", tmp.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());
        // with line numbers: an unknown key on line 3 of the file
        Path f = sweepFile(tmp, "line.yaml", "design: grid\nreplicatons: 1\n");
        CliHarness.Result r = sweep(f.toString(), tmp.resolve("never"));
        assertTrue(r.err().contains(f + ":3:1: key 'replicatons': unknown key (did you mean 'replications'?)"),
                r.err());
    }

    @Test
    void slurmWritesAJobArrayAMergeScriptAndTheSubmitCommands(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("cloudmarket.jar"), "not really a jar");
        Path dir = tmp.resolve("cluster");
        CliHarness.Result r = CliHarness.run("slurm", TINY, "--shards", "4", "--out", dir.toString(), "--partition",
                "short", "--time", "00:30:00", "--cpus-per-task", "2", "--mem", "4G", "--jar", jar.toString(),
                "--setup", "module load java/17");
        assertEquals(0, r.code(), r.err());
        String sweep = Files.readString(dir.resolve("sweep.sbatch"));
        Path abs = dir.toAbsolutePath();
        for (String s : List.of("#!/bin/bash", "#SBATCH --array=1-4", "#SBATCH --cpus-per-task=2",
                "#SBATCH --time=00:30:00", "#SBATCH --partition=short", "#SBATCH --mem=4G",
                "#SBATCH --output=" + abs + "/slurm-logs/sweep-%A_%a.out", "module load java/17",
                "exec java -jar " + jar.toAbsolutePath() + " sweep " + Path.of(TINY).toAbsolutePath() + " --out " + abs
                    + " --shard \"${SLURM_ARRAY_TASK_ID}/4\" --resume --threads \"${SLURM_CPUS_PER_TASK:-1}\"")) {
            assertTrue(sweep.contains(s), s + " in:\n" + sweep);
        }
        String merge = Files.readString(dir.resolve("merge.sbatch"));
        assertTrue(merge.contains("exec java -jar " + jar.toAbsolutePath() + " merge " + abs), merge);
        assertFalse(merge.contains("--array"), merge);
        assertTrue(Files.isExecutable(dir.resolve("sweep.sbatch")));
        assertTrue(Files.isDirectory(dir.resolve("slurm-logs")));
        assertTrue(r.out().contains("jid=$(sbatch --parsable " + abs + "/sweep.sbatch)"), r.out());
        assertTrue(r.out().contains("sbatch --dependency=afterok:${jid%%;*} " + abs + "/merge.sbatch"), r.out());
        assertTrue(r.out().contains("sbatch --array=K " + abs + "/sweep.sbatch"), r.out());
        assertArrayEquals(Files.readAllBytes(single.resolve("manifest.json")),
                Files.readAllBytes(dir.resolve("manifest.json")), "the same manifest as a local sweep of the file");
        // regenerating for the same sweep keeps the folder; bad options are refused
        assertEquals(0, CliHarness.run("slurm", TINY, "--shards", "2", "--out", dir.toString(), "--jar",
                jar.toString()).code());
        for (String[] bad : List.of(new String[] {"--shards", "0"}, new String[] {"--time", "tomorrow"},
                new String[] {"--mem", "lots"}, new String[] {"--cpus-per-task", "0"})) {
            List<String> args = new ArrayList<>(List.of("slurm", TINY, "--shards", "2", "--out",
                    tmp.resolve("b").toString(), "--jar", jar.toString()));
            args.addAll(List.of(bad));
            CliHarness.Result b = CliHarness.run(args.toArray(new String[0]));
            assertEquals(2, b.code(), String.join(" ", bad) + ": " + b.err());
        }
    }

    @Test
    void progressReportsRateAndEtaOnALineEveryIntervalWhenNotATerminal() {
        long[] now = {0};
        StringWriter sw = new StringWriter();
        Progress p = new Progress(new PrintWriter(sw), false, () -> now[0], 10, "sweep x");
        now[0] = 2_000_000_000L;
        p.finished(null, 1, 0, 10);
        now[0] = 10_000_000_000L;
        p.finished(null, 4, 1, 10);
        now[0] = 20_000_000_000L;
        p.finished(null, 10, 1, 10);
        String[] lines = sw.toString().split("\n");
        assertEquals(2, lines.length, sw.toString());
        assertEquals("sweep x: 4/10 runs (40%), 1 failed, 0.40 runs/s, ETA 0:15", lines[0]);
        assertEquals("sweep x: 10/10 runs (100%), 1 failed, 0.50 runs/s, took 0:20", lines[1]);
        assertEquals("1:01:01", Progress.duration(3661));
    }

    @Test
    void onATerminalProgressIsRedrawnInPlaceAndEndsWithANewline() {
        long[] now = {0};
        StringWriter sw = new StringWriter();
        Progress p = new Progress(new PrintWriter(sw), true, () -> now[0], 10, "sweep x");
        now[0] = 1_000_000_000L;
        p.finished(null, 1, 0, 2);
        now[0] = 1_100_000_000L;
        p.finished(null, 1, 0, 2); // within 0.2 s: not redrawn
        now[0] = 2_000_000_000L;
        p.finished(null, 2, 0, 2);
        assertEquals("\rsweep x: 1/2 runs (50%), 1.00 runs/s, ETA 0:01\rsweep x: 2/2 runs (100%), 1.00 runs/s, took"
                + " 0:02\n", sw.toString().replace(System.lineSeparator(), "\n"));
    }
}
