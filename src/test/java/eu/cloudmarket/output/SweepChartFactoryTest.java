package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepChartFactoryTest {
    static final Path FIXTURE = Path.of("src/test/resources/sweep");
    static final String SIGMA = "market.nestingSigma";
    static final String SHARE = "providers.alibaba.initialShare";
    static final String METRIC = "alibaba_share_2030_pct";

    static SweepChartFactory.Cells cells() throws Exception {
        return SweepChartFactory.Cells.read(FIXTURE.resolve("cells.csv"));
    }

    @Test
    void cellsCsvIsReadInLongFormat() throws Exception {
        SweepChartFactory.Cells c = cells();
        assertEquals(List.of(SIGMA, SHARE), c.parameters());
        assertEquals(List.of(METRIC, "consumer_surplus_change_eur_bn"), c.metrics());
        assertEquals(List.of("0", "0.2", "0.4", "0.6"), c.values(SIGMA));
        assertEquals(List.of(SIGMA, SHARE), c.varying());
        assertEquals(12, c.of(METRIC).size());
        assertEquals(11, c.of(METRIC).stream().filter(SweepChartFactory.Cell::hasDiff).count(),
                "the reference cell has no difference");
    }

    @Test
    void metricAgainstAParameterHasAMeanLineAndCiBandPerGroup() throws Exception {
        JFreeChart chart = SweepChartFactory.metricVsParameter(cells(), METRIC, SIGMA, SHARE);
        XYPlot plot = chart.getXYPlot();
        assertEquals(3, plot.getDataset().getSeriesCount(), "one line per value of the second parameter");
        assertEquals(4, plot.getDataset().getItemCount(0), "one point per value of the first parameter");
        assertEquals(SIGMA, plot.getDomainAxis().getLabel());
        assertEquals(METRIC, plot.getRangeAxis().getLabel());
        org.jfree.data.xy.IntervalXYDataset d = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset();
        assertTrue(d.getStartYValue(0, 0) < d.getYValue(0, 0) && d.getYValue(0, 0) < d.getEndYValue(0, 0),
                "the band is the confidence interval around the mean");
        JFreeChart single = SweepChartFactory.metricVsParameter(cells(), METRIC, SHARE, null);
        assertEquals(1, single.getXYPlot().getDataset().getSeriesCount());
        assertTrue(chartNote(single).contains("Held at: " + SIGMA + " = "), chartNote(single));
    }

    private static String chartNote(JFreeChart chart) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                sb.append(t.getText());
            }
        }
        return sb.toString();
    }

    @Test
    void heatmapHasACellPerCombinationAndAColourScale() throws Exception {
        JFreeChart chart = SweepChartFactory.heatmap(cells(), METRIC, SIGMA, SHARE);
        assertEquals(12, chart.getXYPlot().getDataset().getItemCount(0));
        assertEquals(12, chart.getXYPlot().getAnnotations().size(), "every cell is labelled with its value");
        boolean scale = false;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            scale |= chart.getSubtitle(i) instanceof PaintScaleLegend;
        }
        assertTrue(scale, "colour scale legend");
    }

    @Test
    void pairedDifferenceHasErrorBarsAndAZeroLine() throws Exception {
        JFreeChart chart = SweepChartFactory.pairedDifference(cells(), "consumer_surplus_change_eur_bn");
        XYPlot plot = chart.getXYPlot();
        int points = plot.getDataset().getItemCount(0) + plot.getDataset().getItemCount(1);
        assertEquals(11, points, "every cell but the reference");
        assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "zero line");
        assertTrue(chartNote(chart).contains("Reference: nestingSigma = 0.2, initialShare = 0.01"), chartNote(chart));
    }

    @Test
    void renderAllDrawsEveryChartOfTheDesignInEveryFormat(@TempDir Path tmp) throws Exception {
        for (String f : List.of("cells.csv", "manifest.json")) {
            Files.copy(FIXTURE.resolve(f), tmp.resolve(f));
        }
        Map<String, Figure> figures = SweepChartFactory.figures(cells());
        assertEquals(List.of("sweep_alibaba_share_2030_pct_by_market_nestingSigma", "sweep_alibaba_share_2030_pct_heatmap",
                "sweep_alibaba_share_2030_pct_difference",
                "sweep_consumer_surplus_change_eur_bn_by_market_nestingSigma",
                "sweep_consumer_surplus_change_eur_bn_heatmap", "sweep_consumer_surplus_change_eur_bn_difference"),
                List.copyOf(figures.keySet()));
        List<Path> files = SweepChartFactory.renderAll(tmp, new ChartOptions(EnumSet.allOf(ChartFormat.class), 72));
        assertEquals(18, files.size());
        for (Path p : files) {
            assertTrue(Files.size(p) > 0, p.toString());
            if (p.toString().endsWith(".svg")) {
                ChartFiles.assertSvg(p);
            } else if (p.toString().endsWith(".pdf")) {
                ChartFiles.assertPdf(p);
            }
        }
        assertFalse(Files.exists(tmp.resolve("charts/sweep_alibaba_share_2030_pct_by_providers_alibaba_initialShare.png")),
                "with two parameters the second one becomes the lines, not a chart of its own");
    }

    @Test
    void aOneAtATimeDesignGetsOneChartPerParameterAndNoHeatmap() {
        List<String> head = List.of("cell_id", "a", "rule", "metric", "n", "mean", "sd", "ci_low", "ci_high");
        List<List<String>> rows = List.of(
                List.of("c0", "0.3", "adjust", "m", "5", "1.0", "0.1", "0.9", "1.1"),
                List.of("c1", "0.1", "adjust", "m", "5", "0.8", "0.1", "0.7", "0.9"),
                List.of("c2", "0.5", "adjust", "m", "5", "1.2", "0.1", "1.1", "1.3"),
                List.of("c3", "0.3", "nash", "m", "5", "0.9", "0.1", "0.8", "1.0"),
                List.of("c4", "0.3", "markup", "m", "5", "1.3", "0.1", "1.2", "1.4"));
        SweepChartFactory.Cells c = SweepChartFactory.Cells.of(new Table(head, rows));
        assertEquals("0.3", c.mode("a"));
        assertEquals("adjust", c.mode("rule"));
        assertFalse(c.numeric("rule"));
        Map<String, Figure> figures = SweepChartFactory.figures(c);
        assertEquals(List.of("sweep_m_by_a", "sweep_m_by_rule"), List.copyOf(figures.keySet()));
        JFreeChart byRule = SweepChartFactory.metricVsParameter(c, "m", "rule", null);
        assertEquals(3, byRule.getXYPlot().getDataset().getItemCount(0), "the cells with a at its reference value");
        assertTrue(byRule.getXYPlot().getRenderer() instanceof org.jfree.chart.renderer.xy.XYErrorRenderer,
                "categories get points with error bars, not a line");
    }

    /** Charts name a metric by its readable title and label the value axis with its unit, not the raw column name. */
    @Test
    void labelledCellsTitleTheChartAndPutTheUnitOnTheAxis() throws Exception {
        SweepChartFactory.Cells c = cells().labelled(m -> new MetricLabel("Alibaba's share in 2030", "percent"));
        JFreeChart chart = SweepChartFactory.metricVsParameter(c, METRIC, SIGMA, null);
        assertEquals("Percent", chart.getXYPlot().getRangeAxis().getLabel());
        assertTrue(chart.getTitle().getText().startsWith("Alibaba's share in 2030 by "), chart.getTitle().getText());
        assertFalse(chart.getTitle().getText().contains(METRIC));
    }
}
