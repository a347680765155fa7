package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptances 1 and 2, on configs/sweeps/quick.yaml run by the jar: one and two threads give byte-identical
 * runs.csv and cells.csv, and a sweep killed with SIGKILL halfway and resumed gives the files of an uninterrupted
 * one. The throughput of both thread counts is printed (not asserted: the machine may be shared; see
 * src/scripts/measure-sweep-throughput.sh).
 */
class QuickSweepIT {
    static final String QUICK = "configs/sweeps/quick.yaml";
    static final int RUNS = 1008;
    /** A smaller sweep (24 runs) for the SLURM kill test. */
    static final String KILL = "src/test/resources/sweeps/kill.yaml";

    @TempDir
    static Path tmp;
    /** An uninterrupted sweep on two threads. */
    static Path whole;

    @BeforeAll
    static void uninterruptedSweepOnTwoThreads() throws Exception {
        whole = tmp.resolve("whole");
        Jar.Result w = Jar.run(900, "sweep", QUICK, "--out", whole.toString(), "--threads", "2", "--no-charts");
        assertEquals(0, w.code(), w.out() + w.err());
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String f : List.of("runs.csv", "cells.csv", "codebook.csv", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    static double rate(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("metadata.json").toFile()).path("runs_per_second").asDouble();
    }

    @Test
    void oneAndTwoThreadsGiveByteIdenticalFiles() throws Exception {
        Path one = tmp.resolve("one");
        Jar.Result r = Jar.run(900, "sweep", QUICK, "--out", one.toString(), "--threads", "1", "--no-charts");
        assertEquals(0, r.code(), r.out() + r.err());
        assertSameFiles(whole, one);
        double r1 = rate(one);
        double r2 = rate(whole);
        System.out.printf(Locale.ROOT, "quick.yaml throughput: 1 thread %.3f runs/s, 2 threads %.3f runs/s,"
                + " speed-up %.2f (load average %s)%n", r1, r2, r2 / r1, Files.readString(Path.of("/proc/loadavg"))
                .trim());
    }

    @Test
    void aSweepKilledHalfwayAndResumedGivesTheFilesOfAnUninterruptedSweep() throws Exception {
        Path killed = tmp.resolve("killed");
        Path journal = killed.resolve("runs.journal.csv");
        Process p = Jar.start(tmp.resolve("killed.log"), Jar.command("sweep", QUICK, "--out", killed.toString(),
                "--threads", "2", "--no-charts"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (Jar.journalRows(journal) < RUNS / 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        long rows = Jar.journalRows(journal);
        assertTrue(rows >= RUNS / 2 && rows < RUNS, "killed midway: " + rows + " of " + RUNS + " runs in the journal\n"
                + Files.readString(tmp.resolve("killed.log")));
        assertTrue(!Files.exists(killed.resolve("runs.csv")), "an interrupted sweep has no runs.csv");

        Jar.Result refused = Jar.run(120, "sweep", QUICK, "--out", killed.toString());
        assertEquals(2, refused.code(), "an existing sweep folder is not overwritten without --resume");
        Jar.Result resumed = Jar.run(900, "sweep", QUICK, "--out", killed.toString(), "--resume", "--threads", "2",
                "--no-charts");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.err().contains(rows + " runs already in the journal"), resumed.err());
        assertSameFiles(whole, killed);
    }
}
