package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under fixed estimates (the bundled baseline) the calibration targets are inert: a run that changes one would change
 * nothing, a silent no-op read as a finding. {@code run --set} on any of them is refused with exit 2, one line naming
 * the key and the way out ({@code structural.use=targets}), and no result folder; with re-estimation it is accepted.
 */
class HeldTargetsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"providers.alibaba.flowShare=0.02", "providers.alibaba.initialShare=0.005",
            "segments.public.cloudAdoption=0.5", "market.initialRevenueEurBnPerQuarter=20"})
    void aTargetHeldInertByFixedEstimatesIsRefused(String set) {
        Path out = tmp.resolve("r");
        CliHarness.Result r = CliHarness.run("run", "configs/baseline.yaml", "--out", out.toString(), "--no-charts",
                "--set", set, "--set", "buyers.count=500", "--set", "horizon.quarters=2", "--set",
                "horizon.truncateEvents=true");
        assertEquals(2, r.code(), r.err());
        String key = set.substring(0, set.indexOf('='));
        assertTrue(r.err().contains(key) && r.err().contains("structural.use=targets"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "no result folder for a refused run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"providers.alibaba.flowShare=0.02", "market.initialRevenueEurBnPerQuarter=20"})
    void reEstimatingMakesTheTargetActive(String set) {
        CliHarness.Result r = CliHarness.run("run", "configs/baseline.yaml", "--out", tmp.resolve("r").toString(),
                "--no-charts", "--set", "structural.use=targets", "--set", set, "--set", "buyers.count=500",
                "--set", "horizon.quarters=2", "--set", "horizon.truncateEvents=true");
        assertEquals(0, r.code(), r.err());
    }
}
