package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.Table;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One replication per cell gives no spread: the sweep says so once, and its files stay readable. */
class SweepOneReplicationTest {
    @Test
    void oneReplicationWarnsOnceThatIntervalsNeedTwo(@TempDir Path tmp) throws Exception {
        Path f = SweepCommandTest.sweepFile(tmp, "single.yaml", "set:\n  buyers.count: 1000\n"
                + "  horizon.quarters: 8\n  horizon.truncateEvents: true\ndesign: grid\nreplications: 1\n"
                + "parameters:\n  - {path: market.nestingSigma, values: [0.1, 0.5]}\n");
        Path out = tmp.resolve("out");
        CliHarness.Result r = SweepCommandTest.sweep(f.toString(), out, "--no-charts", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        long warnings = r.err().lines().filter(l -> l.startsWith("warning:")).count();
        assertEquals(1, warnings, r.err());
        assertTrue(r.err().contains("at least 2 replications"), r.err());
        Table cells = Table.read(out.resolve("cells.csv"));
        assertTrue(Double.isNaN(cells.num(cells.rows().get(0), "sd")));
        assertEquals(1.0, cells.num(cells.rows().get(0), "n"));
    }
}
