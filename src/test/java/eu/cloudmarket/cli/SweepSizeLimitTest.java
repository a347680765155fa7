package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep file too large to run is refused at once, with its size and the limit, before any list is built. */
class SweepSizeLimitTest {
    static final Duration AT_ONCE = Duration.ofSeconds(5);

    static CliHarness.Result dryRun(Path file) {
        return assertTimeoutPreemptively(AT_ONCE, () -> CliHarness.run("sweep", file.toString(), "--dry-run"));
    }

    static void assertRefused(CliHarness.Result r, String... parts) {
        assertEquals(2, r.code(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' not in: " + r.err());
        }
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aGridOfTenBillionRunsIsRefusedAtOnce(@TempDir Path tmp) throws Exception {
        Path f = SweepCommandTest.sweepFile(tmp, "huge-grid.yaml", "design: grid\nreplications: 1\nparameters:\n"
                + "  - {path: market.nestingSigma, range: [0.1, 0.9], steps: 100000}\n"
                + "  - {path: events.ms-senate.deltaBeta.public, range: [0.0, 2.0], steps: 100000}\n");
        assertRefused(dryRun(f), "huge-grid.yaml:4:", "parameters", "10000000000 runs", "10000000");
    }

    @Test
    void aSampledDesignOfAHundredMillionRunsIsRefusedAtOnce(@TempDir Path tmp) throws Exception {
        Path f = SweepCommandTest.sweepFile(tmp, "huge-lhs.yaml", "design: lhs\nsamples: 10000000\n"
                + "replications: 10\nparameters:\n"
                + "  - {path: market.nestingSigma, range: [0.1, 0.9]}\n"
                + "  - {path: events.ms-senate.deltaBeta.public, range: [0.0, 2.0]}\n");
        assertRefused(dryRun(f), "huge-lhs.yaml:3:", "samples", "100000000 runs", "10000000");
    }

    @Test
    void aLatinHypercubeTooLargeToHoldIsRefusedAtOnce(@TempDir Path tmp) throws Exception {
        StringBuilder params = new StringBuilder("parameters:\n");
        for (String p : new String[] {"market.nestingSigma", "events.ms-senate.deltaBeta.public",
            "events.ms-senate.deltaBeta.regulated", "events.ms-senate.deltaBeta.large"}) {
            params.append("  - {path: ").append(p).append(", range: [0.1, 0.9]}\n");
        }
        Path f = SweepCommandTest.sweepFile(tmp, "wide-lhs.yaml", "design: lhs\nsamples: 10000000\n"
                + "replications: 1\n" + params);
        assertRefused(dryRun(f), "wide-lhs.yaml:3:", "samples", "40000000", "25000000");
    }
}
