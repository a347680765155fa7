package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt while charts are written is reported as an interruption (exit 130, like a shell's 128 + SIGINT), not
 * as a bug to report. (A real Ctrl-C starts the JVM's shutdown instead of interrupting the thread; Errors treats a
 * failure during shutdown the same way, which a test cannot trigger in-process.)
 */
class InterruptedChartsTest {
    @TempDir
    static Path shared;
    static Path run;

    /**
     * A run folder, its charts drawn once: the JDK's first font and graphics set-up in a JVM swallows an interrupt,
     * so the interrupted commands below must not be the first to draw.
     */
    @BeforeAll
    static void runWithChartsDrawnOnce() {
        run = shared.resolve("run");
        CliHarness.Result ok = CliHarness.run("run", RunCommandTest.BASELINE, "--out", run.toString(), "--seed", "5",
                "--set", "buyers.count=2000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--format", "png", "--dpi", "72");
        assertEquals(0, ok.code(), ok.err());
    }

    static CliHarness.Result interrupted(String... args) {
        Thread.currentThread().interrupt();
        try {
            return CliHarness.run(args);
        } finally {
            Thread.interrupted();
        }
    }

    static void assertInterrupted(CliHarness.Result r) {
        assertEquals(130, r.code(), r.err());
        assertTrue(r.err().startsWith("error: interrupted"), r.err());
        assertFalse(r.err().contains("report"), r.err());
        assertFalse(r.err().contains("--verbose"), r.err());
    }

    @Test
    void aRunInterruptedWhileDrawingItsChartsSaysInterruptedAndLeavesNoFolder(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        CliHarness.Result r = interrupted("run", RunCommandTest.BASELINE, "--out", out.toString(), "--seed", "5",
                "--set", "buyers.count=2000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--format", "png", "--dpi", "72");
        assertInterrupted(r);
        assertFalse(Files.exists(out), "no result folder after an interrupted run");
    }

    @Test
    void chartInterruptedSaysInterrupted() {
        assertInterrupted(interrupted("chart", run.toString(), "--format", "png", "--dpi", "72"));
    }
}
