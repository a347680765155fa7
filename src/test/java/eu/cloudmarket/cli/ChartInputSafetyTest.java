package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chart} on a run folder whose CSV files are damaged, and a run whose event text spans lines. */
class ChartInputSafetyTest {
    @TempDir
    static Path shared;
    static Path run;

    @BeforeAll
    static void smallRun() {
        run = shared.resolve("run");
        CliHarness.Result r = CliHarness.run("run", RunCommandTest.BASELINE, "--out", run.toString(), "--seed", "5",
                "--set", "buyers.count=2000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--no-charts");
        assertEquals(0, r.code(), r.err());
    }

    /** A copy of the run folder whose quarters.csv lines went through {@code edit}. */
    static Path damaged(Path tmp, UnaryOperator<List<String>> edit) throws IOException {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (var s = Files.list(run)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, copy.resolve(p.getFileName()));
                }
            }
        }
        Path q = copy.resolve("quarters.csv");
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(q, StandardCharsets.UTF_8)));
        Files.writeString(q, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return copy;
    }

    static void assertBadInput(CliHarness.Result r, String... parts) {
        assertEquals(2, r.code(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' not in: " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("report"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aMissingColumnNamesTheFileTheHeaderLineAndTheColumn(@TempDir Path tmp) throws Exception {
        Path dir = damaged(tmp, lines -> {
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                out.add(l.substring(l.indexOf(',') + 1)); // drop the first column (time_quarters)
            }
            return out;
        });
        String first = Files.readAllLines(run.resolve("quarters.csv")).get(0).split(",")[0];
        CliHarness.Result r = CliHarness.run("chart", dir.toString(), "--dpi", "72");
        assertBadInput(r, "quarters.csv", "line 1", "'" + first + "'");
    }

    @Test
    void textInANumberColumnNamesTheFileTheLineAndTheColumn(@TempDir Path tmp) throws Exception {
        List<String> header = List.of(Files.readAllLines(run.resolve("quarters.csv")).get(0).split(","));
        int share = header.indexOf("revenue_share");
        assertTrue(share > 0, header.toString());
        Path dir = damaged(tmp, lines -> {
            String[] f = lines.get(2).split(",", -1);
            f[share] = "lots";
            lines.set(2, String.join(",", f));
            return lines;
        });
        CliHarness.Result r = CliHarness.run("chart", dir.toString(), "--dpi", "72");
        assertBadInput(r, "quarters.csv", "line 3", "'revenue_share'", "'lots' is not a number");
    }

    @Test
    void anUnterminatedQuoteNamesTheFileTheLineAndTheColumn(@TempDir Path tmp) throws Exception {
        List<String> header = List.of(Files.readAllLines(run.resolve("quarters.csv")).get(0).split(","));
        Path dir = damaged(tmp, lines -> {
            String[] f = lines.get(4).split(",", -1);
            f[1] = "\"" + f[1];
            lines.set(4, String.join(",", f));
            return lines;
        });
        CliHarness.Result r = CliHarness.run("chart", dir.toString(), "--dpi", "72");
        assertBadInput(r, "quarters.csv", "line 5", "'" + header.get(1) + "'");
    }

    @Test
    void aRowWithMissingFieldsNamesTheFirstMissingColumn(@TempDir Path tmp) throws Exception {
        List<String> header = List.of(Files.readAllLines(run.resolve("quarters.csv")).get(0).split(","));
        Path dir = damaged(tmp, lines -> {
            lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
            return lines;
        });
        CliHarness.Result r = CliHarness.run("chart", dir.toString(), "--dpi", "72");
        assertBadInput(r, "quarters.csv", "line 4", "'" + header.get(header.size() - 1) + "'", "missing");
    }

    @Test
    void aMultiLineEventDescriptionSurvivesARunWithCharts(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("multiline.yaml");
        Files.writeString(config, "extends: " + Path.of(RunCommandTest.BASELINE).toAbsolutePath() + "\n"
                + "name: multiline\n"
                + "events:\n"
                + "  - id: two-lines\n"
                + "    at: 2025Q4\n"
                + "    type: sovereignty_shock\n"
                + "    targetOrigin: US\n"
                + "    deltaBeta: {public: 0.5}\n"
                + "    halfLifeQuarters: 8\n"
                + "    description: |\n"
                + "      A shock whose description, \"quoted\", spans\n"
                + "      two lines, with a comma\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliHarness.Result r = CliHarness.run("run", config.toString(), "--out", out.toString(), "--seed", "5",
                "--set", "buyers.count=2000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--format", "png", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        Table events = Table.read(out.resolve("events.csv"));
        assertTrue(events.rows().stream().anyMatch(row -> events.get(row, "description")
                .equals("A shock whose description, \"quoted\", spans\ntwo lines, with a comma\n")),
                events.rows().toString());
        assertTrue(Files.exists(out.resolve("charts/market_share.png")));
    }
}
