package eu.cloudmarket.output;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a calibration folder, drawn from its saved CSVs ({@code moments.csv}, {@code trace.csv}):
 * <ul>
 * <li>{@code moments_vs_targets}: each moment's simulated value at the estimate minus its target, in target standard
 * errors, against the target's 95% band (±1.96 se, shaded), so moments of different units share one axis;</li>
 * <li>{@code objective_trace}: the objective at every evaluation (log scale) by estimator stage, with the best value
 * so far.</li>
 * </ul>
 */
public final class CalibrationCharts {
    public static final String MOMENTS = "moments_vs_targets";
    public static final String TRACE = "objective_trace";
    static final String SOURCE = "Source: cloudmarket calibrate (simulated method of moments)";
    private static final double Z95 = 1.96;

    private CalibrationCharts() {
    }

    /** Renders both charts into {@code dir/charts}; returns the files written. */
    public static List<Path> render(Path dir, ChartOptions options) throws IOException {
        Path charts = dir.resolve("charts");
        Files.createDirectories(charts);
        List<Path> out = new ArrayList<>();
        out.addAll(ChartWriter.write(moments(Table.read(dir.resolve("moments.csv"))), charts.resolve(MOMENTS),
                options));
        out.addAll(ChartWriter.write(trace(Table.read(dir.resolve("trace.csv"))), charts.resolve(TRACE), options));
        return out;
    }

    static Figure moments(Table m) {
        int n = m.rows().size();
        String[] names = new String[n];
        XYSeries sim = new XYSeries("Simulated at the estimate");
        for (int i = 0; i < n; i++) {
            List<String> row = m.rows().get(n - 1 - i); // first moment on top
            names[i] = m.get(row, "moment");
            sim.add(m.num(row, "residual_in_se"), i);
        }
        XYSeriesCollection data = new XYSeriesCollection(sim);
        NumberAxis x = new NumberAxis("Simulated minus target (target standard errors)");
        SymbolAxis y = new SymbolAxis(null, names);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(0, ChartStyle.BLUE);
        XYPlot plot = new XYPlot(data, x, y, r);
        IntervalMarker band = new IntervalMarker(-Z95, Z95);
        band.setPaint(new Color(0xBB, 0xBB, 0xBB, 0x60));
        plot.addDomainMarker(band);
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(ChartStyle.GREY);
        plot.addDomainMarker(zero);
        JFreeChart chart = ChartStyle.chart("Moments against their targets (band: target 95% interval)", plot, true,
                SOURCE);
        x.setAutoRangeIncludesZero(true);
        double max = Z95 * 1.2;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(sim.getX(i).doubleValue()) * 1.1);
        }
        x.setRange(-max, max);
        return Figure.of(chart, FigureSize.FULL);
    }

    static Figure trace(Table t) {
        Map<String, XYSeries> stages = new LinkedHashMap<>();
        XYSeries best = new XYSeries("Best so far in the stage");
        double min = Double.POSITIVE_INFINITY;
        for (List<String> row : t.rows()) {
            double e = t.num(row, "evaluation");
            double q = Math.max(t.num(row, "objective"), 1e-12);
            min = Math.min(min, q);
            stages.computeIfAbsent(t.get(row, "stage"), s -> new XYSeries("Evaluation (" + s + ")")).add(e, q);
            best.add(e, Math.max(t.num(row, "best_objective"), 1e-12));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        stages.values().forEach(data::addSeries);
        data.addSeries(best);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < stages.size(); s++) {
            r.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesPaint(s, ChartStyle.categoryColour(s));
        }
        int b = stages.size();
        r.setSeriesLinesVisible(b, true);
        r.setSeriesShapesVisible(b, false);
        r.setSeriesPaint(b, ChartStyle.GREY);
        r.setSeriesStroke(b, ChartStyle.line(ChartStyle.LINE_PT, null));
        NumberAxis x = new NumberAxis("Evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis y = new LogAxis("Objective Q (log scale)");
        y.setSmallestValue(Math.max(min / 10, 1e-12));
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = ChartStyle.chart("Objective by evaluation", plot, true, SOURCE);
        return Figure.of(chart, FigureSize.FULL);
    }
}
