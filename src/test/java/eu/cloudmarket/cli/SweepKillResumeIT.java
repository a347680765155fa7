package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4, acceptance 2: the quick sweep killed with SIGKILL midway and resumed gives byte-identical files. */
class SweepKillResumeIT {
    static final String QUICK = "configs/sweeps/quick.yaml";
    static final int RUNS = 100;
    /** A smaller sweep (24 runs) for the SLURM kill test. */
    static final String KILL = "src/test/resources/sweeps/kill.yaml";

    @Test
    void aSweepKilledHalfwayAndResumedGivesTheFilesOfAnUninterruptedSweep(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Jar.Result w = Jar.run(900, "sweep", QUICK, "--out", whole.toString(), "--threads", "2", "--no-charts");
        assertEquals(0, w.code(), w.out() + w.err());

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
        for (String f : List.of("runs.csv", "cells.csv", "codebook.csv", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
    }
}
