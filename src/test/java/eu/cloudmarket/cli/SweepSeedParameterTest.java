package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed is per replication: a sweep may not vary it, nor fix it under 'set' (it would be ignored). */
class SweepSeedParameterTest {
    @Test
    void aSweptSeedIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        Path f = SweepCommandTest.sweepFile(tmp, "seeds.yaml", "design: grid\nreplications: 2\nparameters:\n"
                + "  - {path: seed, name: master_seed, values: [1, 2, 3]}\n");
        CliHarness.Result r = CliHarness.run("sweep", f.toString(), "--dry-run");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("seeds.yaml:5:"), r.err());
        assertTrue(r.err().contains("parameters.0.path"), r.err());
        assertTrue(r.err().contains("per replication"), r.err());
    }

    @Test
    void aSeedUnderSetIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        Path f = SweepCommandTest.sweepFile(tmp, "fixed-seed.yaml", "set:\n  seed: 5\ndesign: grid\n"
                + "replications: 2\nparameters:\n  - {path: market.nestingSigma, values: [0.1, 0.5]}\n");
        CliHarness.Result r = CliHarness.run("sweep", f.toString(), "--dry-run");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("set.seed"), r.err());
        assertTrue(r.err().contains("top-level 'seed'"), r.err());
    }
}
