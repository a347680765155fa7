package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.Csv;
import eu.cloudmarket.output.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a sweep whose journal holds lines that are checksummed but not what a run writes. */
class SweepResumeSafetyTest {
    @TempDir
    static Path shared;
    static Path single;

    @BeforeAll
    static void singleMachineSweep() {
        single = shared.resolve("single");
        CliHarness.Result r = SweepCommandTest.sweep(SweepCommandTest.TINY, single, "--threads", "2", "--no-charts");
        assertEquals(0, r.code(), r.err());
    }

    /** A journal line with a valid checksum over {@code fields}. */
    static String checksummed(List<String> fields) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            row.append(i > 0 ? "," : "").append(Csv.quote(fields.get(i)));
        }
        CRC32 c = new CRC32();
        c.update(row.toString().getBytes(StandardCharsets.UTF_8));
        return row + "," + String.format(Locale.ROOT, "%08x", c.getValue());
    }

    @Test
    void aChecksummedLineWithATextMetricIsDamagedAndItsRunRunsAgain(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("resumed");
        Files.createDirectories(dir);
        Files.copy(single.resolve("manifest.json"), dir.resolve("manifest.json"));
        List<String> lines = Files.readAllLines(single.resolve("runs.journal.csv"));
        StringBuilder sb = new StringBuilder(lines.get(0) + "\n" + lines.get(1) + "\n");
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> fields = Csv.parse(line.substring(0, line.lastIndexOf(',')));
            if (fields.get(0).equals("4")) {
                fields.set(6, "not-a-number"); // the first metric (after 4 fixed fields and 2 parameters)
                line = checksummed(fields);
            }
            sb.append(line).append('\n');
        }
        Files.writeString(dir.resolve("runs.journal.csv"), sb.toString());
        CliHarness.Result r = SweepCommandTest.sweep(SweepCommandTest.TINY, dir, "--resume", "--no-charts");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("ignored 1 damaged journal line"), r.err());
        assertTrue(r.err().contains("14 runs already in the journal"), r.err());
        SweepCommandTest.assertSameResults(single, dir);
    }

    @Test
    void aRunWithANaNMetricIsMarkedNonFiniteAndCountedAtTheEnd(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nan");
        Files.createDirectories(dir);
        Files.copy(single.resolve("manifest.json"), dir.resolve("manifest.json"));
        List<String> lines = Files.readAllLines(single.resolve("runs.journal.csv"));
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                List<String> fields = Csv.parse(line.substring(0, line.lastIndexOf(',')));
                if (fields.get(0).equals("4")) {
                    fields.set(6, "NaN");
                    line = checksummed(fields);
                }
            }
            sb.append(line).append('\n');
        }
        Files.writeString(dir.resolve("runs.journal.csv"), sb.toString());
        CliHarness.Result r = SweepCommandTest.sweep(SweepCommandTest.TINY, dir, "--resume", "--no-charts");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("nothing left to run"), r.err());
        assertTrue(r.out().contains("15 runs (0 failed, 1 with a NaN or infinite metric"), r.out());
        Table runs = Table.read(dir.resolve("runs.csv"));
        for (List<String> row : runs.rows()) {
            assertEquals(runs.get(row, "run_id").equals("4") ? "nonfinite" : "ok", runs.get(row, "status"));
        }
        Table cells = Table.read(dir.resolve("cells.csv"));
        List<String> cell1 = cells.rows().stream().filter(row -> cells.get(row, "cell_id").equals("1")
                && cells.get(row, "metric").equals("final_share.eu")).findFirst().orElseThrow();
        assertEquals("2", cells.get(cell1, "n"));
    }
}
