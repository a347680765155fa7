package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario with 10,000 dated events loads, runs and draws charts of ordinary size. */
class ManyEventsRunTest {
    private static final int EVENTS = 10_000;
    /** Pixel height of the tallest chart with a full key (about 19 cm at the default resolution), with room. */
    private static final int MAX_CHART_PIXELS = 4000;

    @Test
    void tenThousandDatedEventsRunWithChartsOfBoundedHeight(@TempDir Path tmp) throws Exception {
        StringBuilder yaml = new StringBuilder("extends: " + Path.of("configs/baseline.yaml").toAbsolutePath()
                + "\nname: many\nbuyers: {count: 200}\nhorizon: {quarters: 8, truncateEvents: true}\nevents:\n");
        String[] providers = {"aws", "azure", "google"};
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < EVENTS; i++) {
            yaml.append("  - {id: e").append(i).append(", at: ").append(start.plusDays(i % 700))
                    .append(", type: price_change, provider: ").append(providers[i % 3])
                    .append(", product: general, changePct: ").append(i % 2 == 0 ? "0.1" : "-0.1").append("}\n");
        }
        Path config = Files.writeString(tmp.resolve("many.yaml"), yaml);
        Path out = tmp.resolve("out");
        CliHarness.Result r = CliHarness.run("run", config.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<String> lines = Files.lines(out.resolve("events.csv"))) {
            assertTrue(lines.count() > EVENTS, "every event that fired is in events.csv");
        }
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            for (Path png : charts.filter(p -> p.toString().endsWith(".png")).toList()) {
                int height = pixelHeight(png);
                assertTrue(height < MAX_CHART_PIXELS, png.getFileName() + " is " + height + " pixels high");
            }
        }
    }

    private static int pixelHeight(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
