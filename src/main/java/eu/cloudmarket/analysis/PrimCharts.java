package eu.cloudmarket.analysis;

import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.ChartStyle;
import eu.cloudmarket.output.ChartWriter;
import eu.cloudmarket.output.FigureSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two charts of a scenario discovery, in the house style: the peeling trajectory (coverage against density, a
 * colour per number of restricted dimensions, the chosen box ringed) and the chosen box's limits (each restricted
 * dimension's interval on the [0, 1] scale of its data range, labelled with its limits and quasi-p-value).
 */
public final class PrimCharts {
    /** Base name (no extension) of the trajectory chart in {@code charts/}. */
    public static final String TRAJECTORY = "prim_trajectory";
    /** Base name of the box-limits chart. */
    public static final String BOX = "prim_box";
    private static final String SOURCE = "Source: cloudmarket discover (PRIM, Friedman and Fisher 1999)";

    private PrimCharts() {
    }

    /** Writes both charts into {@code dir/charts}; returns the files written. */
    public static List<Path> write(Path dir, PrimResult r, Outcome outcome, ChartOptions options) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        List<Path> out = new ArrayList<>();
        out.addAll(ChartWriter.write(trajectory(r, outcome), FigureSize.FULL, charts.resolve(TRAJECTORY), options));
        out.addAll(ChartWriter.write(box(r, outcome), FigureSize.FULL, charts.resolve(BOX), options));
        return out;
    }

    static JFreeChart trajectory(PrimResult r, Outcome outcome) {
        TreeMap<Integer, XYSeries> byDims = new TreeMap<>();
        for (PrimBox b : r.peeling()) {
            byDims.computeIfAbsent(b.restricted(), k -> new XYSeries(k + (k == 1 ? " dimension" : " dimensions"),
                    false, true)).add(b.coverage(), b.density());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int k = 0;
        int maxDims = Math.max(1, byDims.lastKey());
        for (var e : byDims.entrySet()) {
            data.addSeries(e.getValue());
            renderer.setSeriesPaint(k, ChartStyle.viridis(0.9 * e.getKey() / maxDims));
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3, -3, 6, 6));
            k++;
        }
        XYSeries chosen = new XYSeries("chosen box (pasted)");
        chosen.add(r.box().coverage(), r.box().density());
        data.addSeries(chosen);
        renderer.setSeriesPaint(k, ChartStyle.VERMILLION);
        renderer.setSeriesShape(k, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setSeriesShapesFilled(k, false);
        renderer.setSeriesStroke(k, new BasicStroke(1.6f));
        NumberAxis x = new NumberAxis("Coverage");
        x.setRange(0, 1.02);
        NumberAxis y = new NumberAxis("Density");
        y.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.stylePlot(plot);
        return ChartStyle.chart("Peeling trajectory: " + outcome, plot, true, SOURCE
                + ". Coverage: share of the cases of interest inside the box; density: share of the box's"
                + " points that are of interest. Colour: number of"
                + " restricted dimensions.");
    }

    static JFreeChart box(PrimResult r, Outcome outcome) {
        List<AnalysisTables.Limit> restricted = AnalysisTables.limits(r).stream()
                .filter(AnalysisTables.Limit::restricted).toList();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        String[] labels = new String[restricted.size()];
        for (int i = 0; i < restricted.size(); i++) {
            AnalysisTables.Limit l = restricted.get(i);
            int row = restricted.size() - 1 - i; // first dimension on top
            labels[row] = String.format(Locale.ROOT, "%s [%.3g, %.3g] (qp %.2g)", l.dimension(), l.lower(),
                    l.upper(), l.quasiP());
            XYSeries range = new XYSeries("data range " + i, false, true);
            range.add(0, row);
            range.add(1, row);
            XYSeries box = new XYSeries("box " + i, false, true);
            box.add(unit(l.lower(), l), row);
            box.add(unit(l.upper(), l), row);
            int s = data.getSeriesCount();
            data.addSeries(range);
            data.addSeries(box);
            style(renderer, s, ChartStyle.LIGHT_GREY, 2f);
            style(renderer, s + 1, ChartStyle.BLUE, 7f);
        }
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setGridBandsVisible(false);
        y.setRange(-0.6, Math.max(0.6, restricted.size() - 0.4));
        NumberAxis x = new NumberAxis("Position in the data's range (0 = smallest value, 1 = largest)");
        x.setRange(-0.02, 1.02);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.stylePlot(plot);
        String note = String.format(Locale.ROOT, "%s. Box: coverage %.2f, density %.2f, mass %.2f; qp:"
                + " quasi-p-value.%s", SOURCE, r.box().coverage(), r.box().density(), r.box().mass(),
                restricted.isEmpty() ? " The box restricts no dimension." : "");
        return ChartStyle.chart("Box limits: " + outcome, plot, false, note);
    }

    private static double unit(double v, AnalysisTables.Limit l) {
        return l.max() > l.min() ? (v - l.min()) / (l.max() - l.min()) : 0.5;
    }

    private static void style(XYLineAndShapeRenderer r, int series, Color c, float width) {
        r.setSeriesPaint(series, c);
        r.setSeriesStroke(series, new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        r.setSeriesShapesVisible(series, false);
    }
}
