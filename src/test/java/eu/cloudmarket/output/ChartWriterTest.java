package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartWriterTest {
    static JFreeChart sample() {
        XYSeries s = new XYSeries("AWS");
        for (int i = 0; i < 12; i++) {
            s.add(2025 + i / 4.0, 30 + Math.sin(i));
        }
        XYLineAndShapeRenderer r = ChartStyle.lineRenderer();
        r.setSeriesPaint(0, ChartStyle.colour("aws", 0));
        r.setSeriesStroke(0, ChartStyle.stroke("aws", 0));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), TimeAxis.axis("Quarter", 2025, 2027.75),
                new NumberAxis("Revenue share (%)"), r);
        return ChartStyle.chart("A test chart", plot, true, "Source: test");
    }

    @Test
    void pngPixelSizeFollowsTheDpiForAFixedPhysicalSize(@TempDir Path tmp) throws Exception {
        for (int dpi : new int[] {72, 150, 300, 600}) {
            Path base = tmp.resolve("chart" + dpi);
            List<Path> files = ChartWriter.write(sample(), base, EnumSet.of(ChartFormat.PNG), dpi);
            assertEquals(List.of(tmp.resolve("chart" + dpi + ".png")), files);
            BufferedImage img = ImageIO.read(files.get(0).toFile());
            assertEquals(Math.round(17.0 / 2.54 * dpi), img.getWidth(), "width at " + dpi + " dpi");
            assertEquals(Math.round(10.6 / 2.54 * dpi), img.getHeight(), "height at " + dpi + " dpi");
            assertEquals(dpi, pngDpi(files.get(0)), "pHYs chunk at " + dpi + " dpi");
        }
        assertEquals(2008, FigureSize.FULL.widthPx(300));
    }

    private static int pngDpi(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            NodeList phys = root.getElementsByTagName("pHYs");
            Element p = (Element) phys.item(0);
            double perMetre = Double.parseDouble(p.getAttribute("pixelsPerUnitXAxis"));
            reader.dispose();
            return (int) Math.round(perMetre * 0.0254);
        }
    }

    @Test
    void vectorFormatsKeepTextAsTextAndThePdfEmbedsItsFonts(@TempDir Path tmp) throws Exception {
        List<Path> files = ChartWriter.write(sample(), tmp.resolve("c"), EnumSet.allOf(ChartFormat.class), 100);
        assertEquals(List.of(tmp.resolve("c.png"), tmp.resolve("c.svg"), tmp.resolve("c.pdf")), files);
        ChartFiles.assertSvg(tmp.resolve("c.svg"));
        ChartFiles.assertPdf(tmp.resolve("c.pdf"));
        String svg = java.nio.file.Files.readString(tmp.resolve("c.svg"));
        assertTrue(java.util.regex.Pattern.compile("<text[^>]*>\\s*A test chart</text").matcher(svg).find(),
                "title as a text element");
        assertTrue(svg.contains("Arial, Helvetica, sans-serif"), "font fallbacks");
    }

    @Test
    void theBundledFontIsUsed() {
        assertEquals("Liberation Sans", ChartStyle.FONT);
        assertEquals("Liberation Sans", ChartStyle.font(java.awt.Font.BOLD, 12).getFamily(java.util.Locale.ROOT));
    }

    @Test
    void formatListsParseAndRejectUnknownFormats() {
        assertEquals(EnumSet.allOf(ChartFormat.class), ChartFormat.parseList("png, SVG,pdf"));
        assertEquals(Set.of(ChartFormat.SVG), ChartFormat.parseList("svg"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartFormat.parseList("png,jpg"));
        assertTrue(e.getMessage().contains("jpg"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChartFormat.parseList(" , "));
        assertThrows(IllegalArgumentException.class, () -> ChartOptions.parse("png", 10));
        assertEquals(ChartOptions.DEFAULT, ChartOptions.parse(null, null));
    }

    @Test
    void quarterPositionsAndLabelsRoundTrip() {
        assertEquals(2025.0, TimeAxis.x("2025Q1"));
        assertEquals(2027.5, TimeAxis.x("2027Q3"));
        assertEquals("2027Q3", TimeAxis.label(2027.5));
        assertEquals("2030Q4", TimeAxis.label(TimeAxis.x("2030Q4")));
        assertThrows(IllegalArgumentException.class, () -> TimeAxis.x("2025-03"));
    }
}
