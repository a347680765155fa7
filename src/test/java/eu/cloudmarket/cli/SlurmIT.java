package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.experiment.slurm.SlurmScripts;
import eu.cloudmarket.experiment.sweep.SweepFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 on a real single-node SLURM cluster started with {@code local-cluster.sh} (from the shared folder; root
 * only). The script is looked up in $CLOUDMARKET_SLURM_SCRIPT, then ../shared/slurm/local-cluster.sh beside the
 * repository, then /work/shared/slurm/local-cluster.sh; without it, or when not root, or with
 * CLOUDMARKET_SKIP_SLURM=1, the tests are skipped. The cluster is stopped after the tests, also when they fail.
 */
@Tag("slurm")
class SlurmIT {
    static final Path CLUSTER_DIR = Path.of("/tmp/slurm-cm");
    static Path script;
    static final Map<String, String> ENV = new HashMap<>();
    static boolean started;

    @TempDir
    static Path tmp;

    static Path findScript() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("CLOUDMARKET_SLURM_SCRIPT");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("..", "shared", "slurm", "local-cluster.sh").toAbsolutePath().normalize());
        candidates.add(Path.of("/work/shared/slurm/local-cluster.sh"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("CLOUDMARKET_SKIP_SLURM")),
                "CLOUDMARKET_SKIP_SLURM=1: SLURM tests skipped");
        script = findScript();
        Assumptions.assumeTrue(script != null, "no local-cluster.sh (set CLOUDMARKET_SLURM_SCRIPT, or put the shared"
                + " folder beside the repository): SLURM tests skipped");
        Jar.Result id = Jar.exec(Map.of(), 30, List.of("id", "-u"));
        Assumptions.assumeTrue("0".equals(id.out().trim()), "local-cluster.sh needs root: SLURM tests skipped");
        started = true; // from here on, stop the cluster whatever happens
        Jar.Result r = Jar.exec(Map.of(), 1500, List.of("bash", script.toString(), "start", CLUSTER_DIR.toString()));
        assertEquals(0, r.code(), "cluster start failed:\n" + r.out() + r.err());
        for (String line : r.out().split("\n")) {
            if (line.startsWith("export ")) {
                String kv = line.substring("export ".length()).trim();
                ENV.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        assertTrue(ENV.containsKey("SLURM_CONF"), "start printed no SLURM_CONF: " + r.out());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (started && script != null) {
            Jar.Result r = Jar.exec(Map.of(), 300, List.of("bash", script.toString(), "stop", CLUSTER_DIR.toString()));
            assertEquals(0, r.code(), "cluster stop failed:\n" + r.out() + r.err());
        }
    }

    static Jar.Result bash(String command) throws IOException, InterruptedException {
        return Jar.exec(ENV, 120, List.of("bash", "-c", command));
    }

    static String submit(String args) throws Exception {
        Jar.Result r = bash("sbatch --parsable " + args);
        assertEquals(0, r.code(), "sbatch " + args + ":\n" + r.out() + r.err());
        String jid = r.out().trim();
        return jid.contains(";") ? jid.substring(0, jid.indexOf(';')) : jid;
    }

    /** Waits with local-cluster.sh wait; returns its result (exit 1 when a task did not complete). */
    static Jar.Result await(String jid) throws Exception {
        return Jar.exec(ENV, 1000, List.of("bash", script.toString(), "wait", jid, "900", CLUSTER_DIR.toString()));
    }

    static String logs(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        Path logs = dir.resolve(SlurmScripts.LOGS);
        if (Files.isDirectory(logs)) {
            try (var s = Files.list(logs)) {
                for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                    sb.append("== ").append(p.getFileName()).append('\n').append(Files.readString(p));
                }
            }
        }
        return sb.toString();
    }

    static void assertSameResults(Path expected, Path actual) throws IOException {
        for (String f : List.of("runs.csv", "cells.csv")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)),
                    f + " of the SLURM sweep differs from the single-machine sweep");
        }
    }

    @Test
    void quickSweepAsAJobArrayWithADependentMergeGivesTheSingleMachineFiles() throws Exception {
        Path single = tmp.resolve("quick-single");
        Jar.Result s = Jar.run(900, "sweep", "configs/sweeps/quick.yaml", "--out", single.toString(), "--threads",
                "2", "--no-charts");
        assertEquals(0, s.code(), s.out() + s.err());

        Path dir = tmp.resolve("quick-slurm");
        Jar.Result gen = Jar.run(120, "slurm", "configs/sweeps/quick.yaml", "--shards", "4", "--out", dir.toString(),
                "--cpus-per-task", "1", "--time", "00:30:00");
        assertEquals(0, gen.code(), gen.out() + gen.err());
        assertTrue(gen.out().contains("jid=$(sbatch --parsable " + dir.toAbsolutePath() + "/sweep.sbatch)"),
                gen.out());
        String jid = submit(dir.resolve("sweep.sbatch").toString());
        String mid = submit("--dependency=afterok:" + jid + " " + dir.resolve("merge.sbatch"));
        Jar.Result wa = await(jid);
        assertEquals(0, wa.code(), "array tasks:\n" + wa.out() + wa.err() + logs(dir));
        assertTrue(wa.out().contains("[4] COMPLETED"), wa.out());
        Jar.Result wm = await(mid);
        assertEquals(0, wm.code(), "merge:\n" + wm.out() + wm.err() + logs(dir));
        assertSameResults(single, dir);
        assertTrue(Files.exists(dir.resolve("charts")), "merge drew the charts");
    }

    @Test
    void aShardCancelledMidwayAndResubmittedAloneStillMergesToTheSingleMachineFiles() throws Exception {
        String file = QuickSweepIT.KILL;
        Path single = tmp.resolve("kill-single");
        Jar.Result s = Jar.run(900, "sweep", file, "--out", single.toString(), "--threads", "2", "--no-charts");
        assertEquals(0, s.code(), s.out() + s.err());

        Path dir = tmp.resolve("kill-slurm");
        Jar.Result gen = Jar.run(120, "slurm", file, "--shards", "2", "--out", dir.toString(), "--cpus-per-task", "1");
        assertEquals(0, gen.code(), gen.out() + gen.err());
        String jid = submit(dir.resolve("sweep.sbatch").toString());
        Path journal = SweepFolder.shardJournal(dir, 2, 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (Jar.journalRows(journal) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Jar.Result cancel = bash("scancel " + jid + "_2");
        assertEquals(0, cancel.code(), cancel.out() + cancel.err());
        Jar.Result first = await(jid);
        assertTrue(first.out().contains("[2] CANCELLED") || first.out().contains("[2] FAILED"),
                "task 2 was stopped: " + first.out() + first.err());
        long rows = Jar.journalRows(journal);
        assertTrue(rows >= 2 && rows < 12, "shard 2 stopped midway: " + rows + " of 12 runs");

        Jar.Result refused = Jar.run(120, "merge", dir.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("shard 2/2: " + (12 - rows) + " runs missing"), refused.err());

        String again = submit("--array=2 " + dir.resolve("sweep.sbatch"));
        Jar.Result wa = await(again);
        assertEquals(0, wa.code(), "resubmitted task:\n" + wa.out() + wa.err() + logs(dir));
        String mid = submit(dir.resolve("merge.sbatch").toString());
        Jar.Result wm = await(mid);
        assertEquals(0, wm.code(), "merge:\n" + wm.out() + wm.err() + logs(dir));
        assertSameResults(single, dir);
        assertTrue(logs(dir).contains(rows + " runs already in the journal"), logs(dir));
    }
}
