package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column of every CSV table in a result folder has its row in the folder's {@code codebook.csv}, and the
 * codebook documents no column that no table has: the two are made from one column list per table.
 */
class CodebookCompletenessTest {

    @Test
    void aRunsCodebookListsExactlyTheColumnsOfItsTables(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        CliHarness.Result r = CliHarness.run("run", "configs/baseline.yaml", "--out", out.toString(), "--no-charts",
                "--set", "buyers.count=1000");
        assertEquals(0, r.code(), r.err());
        assertCodebookMatchesTables(out);
    }

    @Test
    void aSweepsCodebookListsExactlyTheColumnsOfRunsAndCellsWithAReference(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("sweep");
        CliHarness.Result r = CliHarness.run("sweep", "src/test/resources/golden/golden-sweep.yaml", "--out",
                out.toString(), "--no-charts");
        assertEquals(0, r.code(), r.err());
        assertCodebookMatchesTables(out);
    }

    @Test
    void aSweepsCodebookListsExactlyTheColumnsOfRunsAndCellsWithoutAReference(@TempDir Path tmp)
            throws IOException {
        Path file = tmp.resolve("plain.yaml");
        Files.writeString(file, "base: " + Path.of("configs/baseline.yaml").toAbsolutePath() + "\n"
                + "set: {buyers.count: 500, horizon.quarters: 4, horizon.truncateEvents: true}\n"
                + "design: grid\nreplications: 1\nseed: 3\n"
                + "parameters:\n  - {path: market.nestingSigma, values: [0.0, 0.3]}\n"
                + "metrics: [final_share.eu, mean_price_ai]\n");
        Path out = tmp.resolve("sweep");
        CliHarness.Result r = CliHarness.run("sweep", file.toString(), "--out", out.toString(), "--no-charts");
        assertEquals(0, r.code(), r.err());
        assertCodebookMatchesTables(out);
    }

    /** The set of "file/column" pairs in the CSV headers equals the set the codebook lists, unit and type given. */
    static void assertCodebookMatchesTables(Path dir) throws IOException {
        Set<String> written = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".csv") && !name.equals(Codebook.FILE) && !name.startsWith(".")
                        && !name.endsWith(".journal.csv")) {
                    for (String column : Table.read(p).header()) {
                        written.add(name + "/" + column);
                    }
                }
            }
        }
        Table codebook = Table.read(dir.resolve(Codebook.FILE));
        assertEquals(Codebook.HEADER, codebook.header());
        Set<String> documented = new TreeSet<>();
        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < codebook.rows().size(); i++) {
            List<String> row = codebook.rows().get(i);
            documented.add(row.get(0) + "/" + row.get(1));
            if (row.get(2).isBlank() || row.get(3).isBlank() || row.get(4).isBlank()) {
                incomplete.add(row.get(0) + "/" + row.get(1));
            }
        }
        assertTrue(!written.isEmpty(), "no tables in " + dir);
        assertEquals(written, documented, "columns written vs columns in " + dir.resolve(Codebook.FILE));
        assertTrue(incomplete.isEmpty(), "codebook rows without unit, type or description: " + incomplete);
    }
}
