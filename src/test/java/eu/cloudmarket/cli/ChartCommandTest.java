package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.ChartFiles;
import eu.cloudmarket.output.FigureSize;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.output.RunCharts;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCommandTest {
    @TempDir
    static Path shared;
    static Path run;

    /** One small run with every chart in every format, at a low resolution to keep the test quick. */
    @BeforeAll
    static void smallRun() {
        run = shared.resolve("run");
        CliHarness.Result r = CliHarness.run("run", RunCommandTest.BASELINE, "--out", run.toString(), "--seed", "5",
                "--set", "buyers.count=3000", "--set", "horizon.quarters=16", "--set", "horizon.truncateEvents=true",
                "--format", "png,svg,pdf", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void runWritesEveryChartInEveryRequestedFormat() throws Exception {
        TreeSet<String> names = ChartFiles.names(run.resolve("charts"));
        for (String chart : RunCharts.NAMES) {
            for (String ext : List.of("png", "svg", "pdf")) {
                assertTrue(names.contains(chart + "." + ext), chart + "." + ext + " missing; have " + names);
            }
        }
        assertEquals(3 * RunCharts.NAMES.size(), names.size(), names.toString());
        for (String n : names) {
            Path p = run.resolve("charts").resolve(n);
            if (n.endsWith(".svg")) {
                ChartFiles.assertSvg(p);
            } else if (n.endsWith(".pdf")) {
                ChartFiles.assertPdf(p);
            }
        }
        BufferedImage prices = ImageIO.read(run.resolve("charts/prices.png").toFile());
        assertEquals(FigureSize.FULL.widthPx(72), prices.getWidth());
        assertEquals(FigureSize.FULL.heightPx(72), prices.getHeight());
    }

    @Test
    void chartRedrawsTheSameFilesAfterChartsWasDeleted(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (var s = Files.list(run)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, copy.resolve(p.getFileName()));
                }
            }
        }
        Files.createDirectories(copy.resolve("charts"));
        for (String n : ChartFiles.names(run.resolve("charts"))) {
            Files.copy(run.resolve("charts").resolve(n), copy.resolve("charts").resolve(n));
        }
        TreeSet<String> before = ChartFiles.names(copy.resolve("charts"));
        ResultFolder.deleteTree(copy.resolve("charts"));
        CliHarness.Result r = CliHarness.run("chart", copy.toString(), "--format", "png,svg,pdf", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertEquals(before, ChartFiles.names(copy.resolve("charts")));
        assertTrue(r.out().contains(before.size() + " chart files"), r.out());
    }

    @Test
    void chartDpiSetsThePngSize(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("r");
        Files.createDirectories(copy);
        for (String f : List.of("quarters.csv", "events.csv")) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        assertEquals(0, CliHarness.run("chart", copy.toString(), "--dpi", "150").code());
        BufferedImage img = ImageIO.read(copy.resolve("charts/prices.png").toFile());
        assertEquals(FigureSize.FULL.widthPx(150), img.getWidth());
        assertEquals(1004, img.getWidth());
        assertFalse(Files.exists(copy.resolve("charts/segment_shares.png")), "no segments.csv, no segment chart");
    }

    @Test
    void chartOnASweepFolderDrawsTheSweepCharts(@TempDir Path tmp) throws Exception {
        for (String f : List.of("cells.csv", "manifest.json")) {
            Files.copy(Path.of("src/test/resources/sweep").resolve(f), tmp.resolve(f));
        }
        CliHarness.Result r = CliHarness.run("chart", tmp.toString(), "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tmp.resolve("charts/sweep_alibaba_share_2030_pct_heatmap.png")));
    }

    @Test
    void chartOnAFolderWithoutResultsIsABadInput(@TempDir Path tmp) throws Exception {
        CliHarness.Result r = CliHarness.run("chart", tmp.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("not a result folder"), r.err());
        CliHarness.Result missing = CliHarness.run("chart", tmp.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }

    @Test
    void anUnknownFormatIsABadInput(@TempDir Path tmp) throws Exception {
        CliHarness.Result r = CliHarness.run("chart", run.toString(), "--format", "png,gif");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gif"), r.err());
        CliHarness.Result dpi = CliHarness.run("run", RunCommandTest.BASELINE, "--out", tmp.resolve("x").toString(),
                "--dpi", "5");
        assertEquals(2, dpi.code());
        assertTrue(dpi.err().contains("dpi"), dpi.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
