package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The elasticity chart draws, per product, each provider's own-price elasticity and its diversion to on premises. */
class ElasticityChartTest {
    private static final List<String> PROVIDERS = List.of("aws", "eu");

    /** Two quarters of elasticities.csv for two providers: values that identify their row. */
    private static Table table() {
        List<List<String>> rows = new ArrayList<>();
        String[] quarters = {"2025Q1", "2025Q2"};
        for (int q = 0; q < quarters.length; q++) {
            for (String product : List.of("general", "ai")) {
                for (String to : List.of("aws", "eu", RunTables.ON_PREMISES)) {
                    for (String k : PROVIDERS) {
                        double e = to.equals(k) ? -(1 + q + (product.equals("ai") ? 0.5 : 0)) : 0.1;
                        String dr = to.equals(k) ? "NaN" : to.equals(RunTables.ON_PREMISES) ? "0.25" : "0.75";
                        rows.add(List.of(quarters[q], Integer.toString(q), product, to, k, Csv.num(e), dr));
                    }
                }
            }
        }
        return new Table(List.of("quarter", "quarter_index", "product", "provider", "with_respect_to", "elasticity",
                "diversion_ratio"), rows);
    }

    @Test
    void panelsHoldOwnElasticitiesAndDiversionToOnPremises() {
        RunCharts.Quarters time = new RunCharts.Quarters(List.of("2025Q1", "2025Q2"));
        PanelFigure fig = (PanelFigure) ElasticityChart.of(table(), time);
        assertEquals(4, fig.panelCount());
        XYDataset general = ((XYPlot) fig.panels().get(0).getPlot()).getDataset();
        XYDataset ai = ((XYPlot) fig.panels().get(1).getPlot()).getDataset();
        XYDataset toOnPremises = ((XYPlot) fig.panels().get(2).getPlot()).getDataset();
        assertEquals(PROVIDERS.size(), general.getSeriesCount());
        assertEquals(-1.0, general.getYValue(0, 0));
        assertEquals(-2.0, general.getYValue(1, 1));
        assertEquals(-1.5, ai.getYValue(0, 0));
        assertEquals(25.0, toOnPremises.getYValue(1, 0), "diversion in percent");
        assertTrue(ChartWriter.toImage(fig, 72).getWidth() > 0);
    }

    @Test
    void aFolderWithoutElasticitiesHasNoChart(@TempDir Path dir) throws Exception {
        assertNull(ElasticityChart.of(dir, new RunCharts.Quarters(List.of("2025Q1"))));
    }
}
