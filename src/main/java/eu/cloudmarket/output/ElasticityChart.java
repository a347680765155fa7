package eu.cloudmarket.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run chart of {@code elasticities.csv}: by provider and quarter, the own-price elasticity of demand for each
 * product, and the diversion ratio to on premises (the share of the demand a provider loses to a price rise that
 * leaves the cloud rather than going to a rival).
 */
final class ElasticityChart {
    static final String NAME = "elasticities";

    private ElasticityChart() {
    }

    /** The chart of {@code runDir}'s elasticities, or null if the folder has none (older result folders). */
    static Figure of(Path runDir, RunCharts.Quarters time) throws IOException {
        Path file = runDir.resolve(RunTables.ELASTICITIES);
        return Files.exists(file) ? of(Table.read(file), time) : null;
    }

    static Figure of(Table el, RunCharts.Quarters time) {
        List<String> providers = RunCharts.distinct(el, "with_respect_to");
        XYPlot ownGeneral = lines(el, time, providers, "general", false, "Elasticity");
        XYPlot ownAi = lines(el, time, providers, "ai", false, null);
        XYPlot outGeneral = lines(el, time, providers, "general", true, "Diversion ratio (%)");
        XYPlot outAi = lines(el, time, providers, "ai", true, null);
        return PanelFigure.builder("Price elasticities of demand and diversion to on premises, by provider")
                .size(FigureSize.GRID)
                .columns(2)
                .panel("Own price, general compute", ownGeneral)
                .panel("Own price, AI compute", ownAi)
                .panel("To on premises, general compute", outGeneral)
                .panel("To on premises, AI compute", outAi)
                .legend(ownGeneral.getLegendItems())
                .note(RunCharts.SOURCE + ". Expected demand of the quarter's renewing buyers at its list prices "
                        + "(analytic nested-logit derivatives). Diversion: share of the demand a provider loses to a "
                        + "price rise that goes on premises; the rest goes to rivals.")
                .build();
    }

    /**
     * A line per provider of one product: its own-price elasticity, or ({@code toOnPremises}) its diversion ratio to
     * on premises in percent.
     */
    private static XYPlot lines(Table el, RunCharts.Quarters time, List<String> providers, String product,
            boolean toOnPremises, String yLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartStyle.lineRenderer();
        for (int j = 0; j < providers.size(); j++) {
            String p = providers.get(j);
            String to = toOnPremises ? RunTables.ON_PREMISES : p;
            Predicate<List<String>> rows = row -> el.get(row, "product").equals(product)
                    && el.get(row, "with_respect_to").equals(p) && el.get(row, "provider").equals(to);
            data.addSeries(RunCharts.series(Labels.provider(p), el, rows,
                    toOnPremises ? "diversion_ratio" : "elasticity", toOnPremises ? 100.0 : 1.0));
            r.setSeriesPaint(j, ChartStyle.colour(p, j));
            r.setSeriesStroke(j, ChartStyle.stroke(p, j));
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(toOnPremises);
        XYPlot plot = new XYPlot(data, time.axis(null), y, r);
        ChartStyle.stylePlot(plot);
        return plot;
    }
}
