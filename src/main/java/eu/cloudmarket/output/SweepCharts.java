package eu.cloudmarket.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Sweep charts, drawn only from a sweep folder's {@code cells.csv} and {@code manifest.json} (never from live runs),
 * so they can be redrawn at any time:
 * <ul>
 *   <li>{@code <metric>-vs-<parameter>.png} for every metric and numeric parameter: the cell means with their 95%
 *       confidence band (grid designs: one line per combination of the other parameters, up to eight; sampled
 *       designs: one point with its interval per cell);</li>
 *   <li>{@code <metric>-heatmap.png} for grid designs with exactly two numeric parameters: the cell means over the
 *       two parameters.</li>
 * </ul>
 */
public final class SweepCharts {
    public static final String DIR = "charts";
    private static final int MAX_GROUPS = 8;
    /** Viridis anchors (perceptually uniform and colour-blind safe), from dark to light. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x482878), new Color(0x3E4A89),
        new Color(0x31688E), new Color(0x26828E), new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59),
        new Color(0xB4DE2C), new Color(0xFDE725)};

    private SweepCharts() {
    }

    private record Param(String column, boolean numeric, List<String> levels) {
    }

    /** Renders every sweep chart of {@code sweepDir} into {@code sweepDir/charts}. Returns the files written. */
    public static List<Path> render(Path sweepDir) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(sweepDir.resolve("manifest.json").toFile());
        Table cells = Table.read(sweepDir.resolve("cells.csv"));
        String design = manifest.path("design").asText();
        boolean grid = design.equals("grid");
        int reps = manifest.path("replications").asInt();
        String name = manifest.path("name").asText();
        List<Param> params = new ArrayList<>();
        for (JsonNode p : manifest.path("parameters")) {
            List<String> levels = new ArrayList<>();
            p.path("values").forEach(v -> levels.add(v.asText()));
            params.add(new Param(p.path("column").asText(), p.path("numeric").asBoolean(), levels));
        }
        Map<String, String> units = new LinkedHashMap<>();
        manifest.path("metric_units").properties().forEach(e -> units.put(e.getKey(), e.getValue().asText()));
        Map<String, List<List<String>>> byMetric = new LinkedHashMap<>();
        for (List<String> row : cells.rows()) {
            if (!"ref".equals(cells.get(row, "cell_id"))) {
                byMetric.computeIfAbsent(cells.get(row, "metric"), k -> new ArrayList<>()).add(row);
            }
        }
        Path out = sweepDir.resolve(DIR);
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        String note = String.format(Locale.ROOT, "Source: cloudmarket sweep %s (%s design, %d replications per cell)."
                + " Bands and bars: 95%% confidence interval of the mean (Student t).", name, design, reps);
        for (Map.Entry<String, List<List<String>>> e : byMetric.entrySet()) {
            String metric = e.getKey();
            String yLabel = metric + (units.containsKey(metric) ? " (" + units.get(metric) + ")" : "");
            for (int d = 0; d < params.size(); d++) {
                if (!params.get(d).numeric()) {
                    continue;
                }
                JFreeChart chart = grid ? gridLines(cells, e.getValue(), params, d, metric, yLabel, reps)
                        : scatter(cells, e.getValue(), params.get(d), metric, yLabel);
                if (chart == null) {
                    continue;
                }
                ChartStyle.apply(chart, note);
                files.add(save(chart, out.resolve(safe(metric) + "-vs-" + safe(params.get(d).column()) + ".png")));
            }
            if (grid && params.size() == 2 && params.get(0).numeric() && params.get(1).numeric()) {
                JFreeChart chart = heatmap(cells, e.getValue(), params, metric, yLabel);
                ChartStyle.apply(chart, String.format(Locale.ROOT, "Source: cloudmarket sweep %s; each cell shows the"
                        + " mean over %d replications.", name, reps));
                files.add(save(chart, out.resolve(safe(metric) + "-heatmap.png")));
            }
        }
        return files;
    }

    /** Mean and CI band against parameter d, one line per combination of the other parameters' values. */
    private static JFreeChart gridLines(Table t, List<List<String>> rows, List<Param> params, int d, String metric,
            String yLabel, int reps) {
        String x = params.get(d).column();
        Map<String, YIntervalSeries> groups = new LinkedHashMap<>();
        for (List<String> row : rows) {
            StringBuilder key = new StringBuilder();
            for (int o = 0; o < params.size(); o++) {
                if (o != d) {
                    key.append(key.length() == 0 ? "" : ", ").append(params.get(o).column()).append(" = ")
                            .append(t.get(row, params.get(o).column()));
                }
            }
            String k = key.length() == 0 ? "mean" : key.toString();
            if (!groups.containsKey(k) && groups.size() == MAX_GROUPS) {
                return null;
            }
            YIntervalSeries s = groups.computeIfAbsent(k, YIntervalSeries::new);
            double mean = num(t.get(row, "mean"));
            double lo = num(t.get(row, "ci_low"));
            double hi = num(t.get(row, "ci_high"));
            if (Double.isFinite(mean)) {
                s.add(num(t.get(row, x)), mean, Double.isFinite(lo) ? lo : mean, Double.isFinite(hi) ? hi : mean);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        groups.values().forEach(data::addSeries);
        NumberAxis xAxis = new NumberAxis(x);
        NumberAxis yAxis = new NumberAxis(yLabel);
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        String provider = providerOf(metric);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Color c = data.getSeriesCount() == 1 && provider != null ? ChartStyle.colour(provider, 0)
                    : ChartStyle.colour("", s);
            r.setSeriesPaint(s, c);
            r.setSeriesFillPaint(s, c);
            r.setSeriesStroke(s, new BasicStroke(4f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        JFreeChart chart = new JFreeChart(metric + " against " + x, new Font(ChartStyle.FONT, Font.BOLD, 34), plot,
                data.getSeriesCount() > 1);
        return chart;
    }

    /** Sampled designs: each cell's mean with its 95% interval against one parameter. */
    private static JFreeChart scatter(Table t, List<List<String>> rows, Param p, String metric, String yLabel) {
        YIntervalSeries s = new YIntervalSeries("cell mean");
        for (List<String> row : rows) {
            double mean = num(t.get(row, "mean"));
            double lo = num(t.get(row, "ci_low"));
            double hi = num(t.get(row, "ci_high"));
            double xv = num(t.get(row, p.column()));
            if (Double.isFinite(mean) && Double.isFinite(xv)) {
                s.add(xv, mean, Double.isFinite(lo) ? lo : mean, Double.isFinite(hi) ? hi : mean);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        String provider = providerOf(metric);
        Color c = provider != null ? ChartStyle.colour(provider, 0) : ChartStyle.BLUE;
        r.setSeriesPaint(0, c);
        r.setErrorPaint(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        r.setErrorStroke(new BasicStroke(2f));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        XYPlot plot = new XYPlot(data, new NumberAxis(p.column()), new NumberAxis(yLabel), r);
        return new JFreeChart(metric + " against " + p.column(), new Font(ChartStyle.FONT, Font.BOLD, 34), plot,
                false);
    }

    /** Grid designs with two parameters: cell means as coloured blocks, labelled with their values. */
    private static JFreeChart heatmap(Table t, List<List<String>> rows, List<Param> params, String metric,
            String label) {
        Param px = params.get(1);
        Param py = params.get(0);
        int n = rows.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            List<String> row = rows.get(i);
            xs[i] = px.levels().indexOf(t.get(row, px.column()));
            ys[i] = py.levels().indexOf(t.get(row, py.column()));
            zs[i] = num(t.get(row, "mean"));
            if (Double.isFinite(zs[i])) {
                min = Math.min(min, zs[i]);
                max = Math.max(max, zs[i]);
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        if (min == max) {
            max = min + Math.max(1e-9, Math.abs(min) * 1e-6);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric, new double[][] {xs, ys, zs});
        Viridis scale = new Viridis(min, max);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(px.column(), px.levels().toArray(new String[0]));
        SymbolAxis yAxis = new SymbolAxis(py.column(), py.levels().toArray(new String[0]));
        xAxis.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        Font cellFont = new Font(ChartStyle.FONT, Font.PLAIN, n > 64 ? 14 : 22);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(zs[i])) {
                continue;
            }
            XYTextAnnotation a = new XYTextAnnotation(shortNumber(zs[i]), xs[i], ys[i]);
            a.setFont(cellFont);
            a.setTextAnchor(TextAnchor.CENTER);
            a.setPaint((zs[i] - min) / (max - min) < 0.55 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(metric + ": mean by " + py.column() + " and " + px.column(),
                new Font(ChartStyle.FONT, Font.BOLD, 34), plot, false);
        ChartStyle.stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        NumberAxis legendAxis = new NumberAxis(label);
        legendAxis.setRange(min, max);
        ChartStyle.styleAxis(legendAxis);
        double step = niceStep((max - min) / 5);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        legendAxis.setTickUnit(new NumberTickUnit(step));
        legendAxis.setNumberFormatOverride(new java.text.DecimalFormat(decimals == 0 ? "#,##0"
                : "#,##0." + "0".repeat(decimals), java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(30);
        legend.setMargin(new RectangleInsets(10, 20, 10, 10));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Viridis colour scale between two bounds. */
    private static final class Viridis implements PaintScale {
        private final double lower;
        private final double upper;

        Viridis(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return Color.LIGHT_GRAY;
            }
            double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (VIRIDIS.length - 1);
            int i = Math.min((int) Math.floor(f), VIRIDIS.length - 2);
            double w = f - i;
            Color a = VIRIDIS[i];
            Color b = VIRIDIS[i + 1];
            return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
        }
    }

    /** A 1, 2 or 5 times a power of ten at least {@code rough}. */
    static double niceStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= rough) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** The provider id of a provider metric such as {@code final_share.alibaba}, else null. */
    private static String providerOf(String metric) {
        int dot = metric.indexOf('.');
        return dot < 0 ? null : metric.substring(dot + 1);
    }

    private static String shortNumber(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 0.01 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a < 1 ? "%.3f" : a < 100 ? "%.2f" : "%.0f", v);
    }

    private static double num(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Path save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        return file;
    }
}
