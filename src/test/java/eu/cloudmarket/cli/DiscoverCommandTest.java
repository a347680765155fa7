package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** discover on plain CSV files and on a sweep folder's runs.csv. */
class DiscoverCommandTest {
    @TempDir
    Path dir;

    /** 1500 points: price_drop > 0.01 exactly where a ∈ [0.25, 0.75] and b ≥ 6 (b on [0, 10]). */
    private void synthetic(StringBuilder x, StringBuilder y, boolean sweepRows) {
        RandomStream s = new RandomStreams(5, 0).open("discover-test");
        for (int i = 0; i < 1500; i++) {
            double a = s.nextDouble();
            double b = 10 * s.nextDouble();
            double c = s.nextDouble();
            double drop = a >= 0.25 && a <= 0.75 && b >= 6 ? 0.02 : 0.0;
            if (sweepRows) {
                x.append(i).append(',').append(i).append(",0,1,").append(a).append(',').append(b).append(',')
                        .append(c).append(',').append(drop).append(",ok,\n");
            } else {
                x.append(a).append(',').append(b).append(',').append(c).append('\n');
                y.append(drop).append('\n');
            }
        }
    }

    @Test
    void plainFilesGiveTheKnownBox() throws IOException {
        StringBuilder x = new StringBuilder("a,b,c\n");
        StringBuilder y = new StringBuilder("price_drop\n");
        synthetic(x, y, false);
        Path xf = Files.writeString(dir.resolve("X.csv"), x);
        Path yf = Files.writeString(dir.resolve("Y.csv"), y);
        Path out = dir.resolve("disc");
        CliHarness.Result r = CliHarness.run("discover", "--inputs", xf.toString(), "--outputs", yf.toString(),
                "--outcome", "price_drop > 0.01", "--threshold", "0.95", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertBox(out);
        assertTrue(Files.size(out.resolve("charts/prim_trajectory.png")) > 1000);
        assertTrue(Files.size(out.resolve("charts/prim_box.png")) > 1000);
        Table traj = Table.read(out.resolve("prim_trajectory.csv"));
        assertEquals(List.of("box", "stage", "coverage", "density", "mass", "restricted_dims", "chosen"),
                traj.header());
        assertEquals("paste", traj.get(traj.rows().get(traj.rows().size() - 1), "stage"));
    }

    @Test
    void aSweepFolderIsReadFromItsRunsTable() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(sweep.resolve("manifest.json"), "{\"parameters\": [{\"column\": \"a\", \"numeric\": true},"
                + " {\"column\": \"b\", \"numeric\": true}, {\"column\": \"c\", \"numeric\": true}],"
                + " \"metrics\": [\"price_drop\"]}", StandardCharsets.UTF_8);
        StringBuilder runs = new StringBuilder("run_id,cell_id,replication,seed,a,b,c,price_drop,status,error\n");
        synthetic(runs, null, true);
        runs.append("1500,ref,0,1,,,,0.5,ok,\n"); // the reference run is not a design point
        Files.writeString(sweep.resolve("runs.csv"), runs);
        CliHarness.Result r = CliHarness.run("discover", sweep.toString(), "--outcome", "price_drop > 0.01",
                "--threshold", "0.95", "--no-charts");
        assertEquals(0, r.code(), r.err());
        assertBox(sweep.resolve("discovery"));
        CliHarness.Result bad = CliHarness.run("discover", sweep.toString(), "--outcome", "a > 0.5");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'a' names no metric"), bad.err());
        CliHarness.Result notSweep = CliHarness.run("discover", dir.toString(), "--outcome", "price_drop > 0");
        assertEquals(2, notSweep.code());
        assertTrue(notSweep.err().contains("is not a finished sweep folder"), notSweep.err());
    }

    @Test
    void badOutcomesExitTwo() throws IOException {
        Path xf = Files.writeString(dir.resolve("X.csv"), "a\n1\n2\n");
        Path yf = Files.writeString(dir.resolve("Y.csv"), "v\n0\nx\n");
        for (String[] c : new String[][] {{"v >> 1", "is not of the form"}, {"w > 1", "no column 'w'"},
            {"v > 1", "line 3, column 'v': 'x' is not a number"}}) {
            CliHarness.Result r = CliHarness.run("discover", "--inputs", xf.toString(), "--outputs", yf.toString(),
                    "--outcome", c[0], "--out", dir.resolve("o").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(c[1]), r.err());
        }
    }

    private static void assertBox(Path out) throws IOException {
        Table box = Table.read(out.resolve("prim_box.csv"));
        List<List<String>> rows = box.rows();
        assertEquals(0.25, box.num(rows.get(0), "lower"), 0.03);
        assertEquals(0.75, box.num(rows.get(0), "upper"), 0.03);
        assertEquals(6, box.num(rows.get(1), "lower"), 0.3);
        assertEquals("true", box.get(rows.get(0), "restricted"));
        assertTrue(box.num(rows.get(0), "quasi_p") < 1e-6);
    }
}
