package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The look of sweep charts, drawn from a sweep's {@code cells.csv} (long format: {@code cell_id, <parameter
 * columns>, metric, n, mean, sd, ci_low, ci_high} and optionally {@code diff_mean, diff_ci_low, diff_ci_high}, the
 * paired difference against the reference scenario). Three chart builders, in the house style:
 *
 * <ol>
 *   <li>{@link #metricVsParameter}: a metric against one parameter, mean line and 95% CI band (one line per value of
 *       an optional second parameter);</li>
 *   <li>{@link #heatmap}: a metric over two parameters, a colour scale legend and the value in each cell;</li>
 *   <li>{@link #pairedDifference}: the paired difference against the reference, 95% CI error bars and a zero
 *       line.</li>
 * </ol>
 *
 * <p>Parameters that a chart does not show are held at their most frequent value (the reference value in a
 * one-at-a-time design), and the chart's note says so. {@link #renderAll} draws every chart that fits the design.
 */
public final class SweepChartFactory {
    /** The file a sweep folder keeps its per-cell statistics in. */
    public static final String CELLS = "cells.csv";
    static final String SOURCE = "Source: cloudmarket parameter sweep";
    private static final int MAX_GROUPS = 6;

    private SweepChartFactory() {
    }

    // ---- cells.csv -------------------------------------------------------------------------------------------------

    /** One row of cells.csv. Difference fields are NaN when absent. */
    public record Cell(String cellId, Map<String, String> params, String metric, int n, double mean, double sd,
            double ciLow, double ciHigh, double diffMean, double diffLow, double diffHigh) {
        public boolean hasDiff() {
            return !Double.isNaN(diffMean) && !Double.isNaN(diffLow) && !Double.isNaN(diffHigh);
        }
    }

    /** The contents of a cells.csv: the parameter columns (in file order) and the rows. */
    public record Cells(List<String> parameters, List<Cell> rows, Function<String, MetricLabel> labels) {
        public Cells {
            parameters = List.copyOf(parameters);
            rows = List.copyOf(rows);
        }

        public Cells(List<String> parameters, List<Cell> rows) {
            this(parameters, rows, MetricLabel::raw);
        }

        /** The same cells, with charts naming each metric by {@code labeller}. */
        public Cells labelled(Function<String, MetricLabel> labeller) {
            return new Cells(parameters, rows, labeller);
        }

        /** A metric's chart label. */
        public MetricLabel label(String metric) {
            return labels.apply(metric);
        }

        /** Reads cells.csv; the parameter columns are those between {@code cell_id} and {@code metric}. */
        public static Cells read(Path file) throws IOException {
            return of(Table.read(file));
        }

        public static Cells of(Table t) {
            List<String> h = t.header();
            int start = h.indexOf("cell_id");
            int end = h.indexOf("metric");
            if (start < 0 || end < 0 || end < start) {
                throw t.problem(1, "header", "cells.csv needs the columns cell_id, <parameters>, metric, n, mean, sd,"
                        + " ci_low, ci_high; found " + h);
            }
            List<String> params = new ArrayList<>(h.subList(start + 1, end));
            boolean diff = t.has("diff_mean") && t.has("diff_ci_low") && t.has("diff_ci_high");
            List<Cell> rows = new ArrayList<>();
            for (List<String> r : t.rows()) {
                Map<String, String> p = new LinkedHashMap<>();
                for (String name : params) {
                    p.put(name, t.get(r, name));
                }
                if (!params.isEmpty() && p.values().stream().allMatch(String::isBlank)) {
                    continue; // the reference scenario's own row (no design parameters): not a design cell
                }
                rows.add(new Cell(t.get(r, "cell_id"), p, t.get(r, "metric"), (int) t.numOrNaN(r, "n"),
                        t.numOrNaN(r, "mean"), t.numOrNaN(r, "sd"), t.numOrNaN(r, "ci_low"),
                        t.numOrNaN(r, "ci_high"),
                        diff ? t.numOrNaN(r, "diff_mean") : Double.NaN,
                        diff ? t.numOrNaN(r, "diff_ci_low") : Double.NaN,
                        diff ? t.numOrNaN(r, "diff_ci_high") : Double.NaN));
            }
            return new Cells(params, rows);
        }

        /** Metrics in file order. */
        public List<String> metrics() {
            Set<String> s = new LinkedHashSet<>();
            rows.forEach(c -> s.add(c.metric()));
            return new ArrayList<>(s);
        }

        /** Rows of one metric. */
        public List<Cell> of(String metric) {
            return rows.stream().filter(c -> c.metric().equals(metric)).toList();
        }

        /** Distinct values of a parameter, sorted numerically when all are numbers, else in file order. */
        public List<String> values(String param) {
            Set<String> s = new LinkedHashSet<>();
            rows.forEach(c -> s.add(c.params().get(param)));
            List<String> out = new ArrayList<>(s);
            if (numeric(param)) {
                out.sort(Comparator.comparingDouble(Double::parseDouble));
            }
            return out;
        }

        public boolean numeric(String param) {
            for (Cell c : rows) {
                try {
                    Double.parseDouble(c.params().get(param));
                } catch (NumberFormatException | NullPointerException e) {
                    return false;
                }
            }
            return true;
        }

        /** Parameters with more than one value. */
        public List<String> varying() {
            return parameters.stream().filter(p -> values(p).size() > 1).toList();
        }

        /** The most frequent value of a parameter (ties: the first in sorted order). */
        public String mode(String param) {
            Map<String, Integer> count = new HashMap<>();
            rows.forEach(c -> count.merge(c.params().get(param), 1, Integer::sum));
            String best = null;
            for (String v : values(param)) {
                if (best == null || count.get(v) > count.get(best)) {
                    best = v;
                }
            }
            return best;
        }
    }

    // ---- (a) metric against one parameter ---------------------------------------------------------------------------

    /**
     * A metric against {@code param}: mean line with points and a shaded 95% confidence band; one line per value of
     * {@code groupBy} if given (at most six), other parameters held at their most frequent value.
     */
    public static JFreeChart metricVsParameter(Cells cells, String metric, String param, String groupBy) {
        List<String> shown = groupBy == null ? List.of(param) : List.of(param, groupBy);
        Map<String, String> fixed = fixedValues(cells, shown);
        List<String> xs = cells.values(param);
        boolean numeric = cells.numeric(param);
        List<String> groups = groupBy == null ? List.of("") : cells.values(groupBy);
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("too many lines: " + groupBy + " has " + groups.size() + " values");
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        // numbers: a line through the means and a shaded band; categories (no order): points with error bars
        XYLineAndShapeRenderer r;
        if (numeric) {
            DeviationRenderer dev = new DeviationRenderer(true, true);
            dev.setAlpha(0.22f);
            r = dev;
        } else {
            XYErrorRenderer err = new XYErrorRenderer();
            err.setDrawXError(false);
            err.setDrawYError(true);
            err.setErrorStroke(new BasicStroke(1f));
            err.setCapLength(5);
            err.setDefaultLinesVisible(false);
            r = err;
        }
        r.setLegendLine(new java.awt.geom.Line2D.Double(-11, 0, 11, 0));
        List<Color> colours = groupBy == null ? List.of(ChartStyle.BLUE) : groupColours(cells, groupBy, groups.size());
        int k = 0;
        for (String g : groups) {
            String key = groupBy == null ? "Mean" : shortLabel(groupBy) + " = " + g;
            YIntervalSeries s = new YIntervalSeries(key, false, false);
            for (Cell c : matching(cells.of(metric), fixed)) {
                if (groupBy != null && !c.params().get(groupBy).equals(g)) {
                    continue;
                }
                String xv = c.params().get(param);
                double x = numeric ? Double.parseDouble(xv) : xs.indexOf(xv) + dodge(k, groups.size());
                s.add(x, c.mean(), lowOr(c.ciLow(), c.mean()), highOr(c.ciHigh(), c.mean()));
            }
            data.addSeries(s);
            Color col = colours.get(k);
            r.setSeriesPaint(k, col);
            r.setSeriesFillPaint(k, col);
            r.setSeriesStroke(k, ChartStyle.categoryStroke(k));
            r.setSeriesShape(k, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            k++;
        }
        ValueAxis x = numeric ? new NumberAxis(label(param)) : new SymbolAxis(label(param), xs.toArray(String[]::new));
        if (x instanceof SymbolAxis sa) {
            sa.setGridBandsVisible(false);
        } else if (x instanceof NumberAxis na) {
            na.setAutoRangeIncludesZero(false);
            na.setAutoRangeStickyZero(false);
        }
        MetricLabel label = cells.label(metric);
        NumberAxis y = new NumberAxis(label.valueAxis());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        ChartStyle.stylePlot(plot);
        String note = SOURCE + ". Mean over " + replications(cells.of(metric)) + (numeric ? "; shaded band" : "; bars")
                + ": 95% confidence interval." + fixedNote(fixed);
        return ChartStyle.chart(label.title() + " by " + shortLabel(param), plot, groupBy != null, note);
    }

    /** Side-by-side offsets for the groups at one category, so their error bars do not hide each other. */
    private static double dodge(int k, int groups) {
        return groups <= 1 ? 0 : (k - (groups - 1) / 2.0) * 0.12;
    }

    private static List<Color> groupColours(Cells cells, String groupBy, int n) {
        if (cells.numeric(groupBy)) {
            List<Color> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(ChartStyle.viridis(n == 1 ? 0 : 0.85 * i / (n - 1)));
            }
            return out;
        }
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ChartStyle.categoryColour(i));
        }
        return out;
    }

    private static double lowOr(double v, double mean) {
        return Double.isNaN(v) ? mean : v;
    }

    private static double highOr(double v, double mean) {
        return Double.isNaN(v) ? mean : v;
    }

    // ---- (b) heatmap over two parameters -----------------------------------------------------------------------------

    /**
     * The mean of a metric over {@code xParam} × {@code yParam}: one coloured cell per combination (viridis, with a
     * colour scale legend) labelled with its value; other parameters held at their most frequent value.
     */
    public static JFreeChart heatmap(Cells cells, String metric, String xParam, String yParam) {
        Map<String, String> fixed = fixedValues(cells, List.of(xParam, yParam));
        List<String> xs = cells.values(xParam);
        List<String> ys = cells.values(yParam);
        List<Cell> rows = matching(cells.of(metric), fixed);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Cell c : rows) {
            lo = Math.min(lo, c.mean());
            hi = Math.max(hi, c.mean());
        }
        if (rows.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double[][] xyz = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Cell c = rows.get(i);
            xyz[0][i] = xs.indexOf(c.params().get(xParam));
            xyz[1][i] = ys.indexOf(c.params().get(yParam));
            xyz[2][i] = c.mean();
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric, xyz);
        Heatmap.SequentialScale scale = new Heatmap.SequentialScale(lo, hi);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(label(xParam), xs.toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(label(yParam), ys.toArray(String[]::new));
        XYPlot plot = new XYPlot(data, x, y, r);
        Heatmap.styleCategoryAxes(plot, x, y);
        String fmt = valueFormat(lo, hi);
        for (Cell c : rows) {
            XYTextAnnotation a = new XYTextAnnotation(String.format(Locale.ROOT, fmt, c.mean()).replace('-', '\u2212'),
                    xs.indexOf(c.params().get(xParam)), ys.indexOf(c.params().get(yParam)));
            a.setFont(ChartStyle.font(Font.PLAIN, ChartStyle.ANNOTATION_PT));
            a.setPaint(ChartStyle.textOn(scale.colour(c.mean())));
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a);
        }
        String note = SOURCE + ". Mean over " + replications(rows) + " per cell." + fixedNote(fixed);
        MetricLabel label = cells.label(metric);
        JFreeChart chart = ChartStyle.chart(label.title() + " by " + shortLabel(xParam) + " and "
                + shortLabel(yParam), plot, false, note);
        chart.addSubtitle(Heatmap.legend(scale, label.valueAxis()));
        return chart;
    }

    /** A format with enough decimals to tell the cells apart. */
    static String valueFormat(double lo, double hi) {
        double mag = Math.max(Math.abs(lo), Math.abs(hi));
        double span = Math.abs(hi - lo);
        double ref = span > 0 ? Math.min(span, mag) : mag;
        if (ref == 0 || ref >= 100) {
            return "%,.0f";
        }
        int decimals = (int) Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(ref))));
        return "%." + decimals + "f";
    }

    // ---- (c) paired difference against the reference -----------------------------------------------------------------

    /**
     * The paired difference of a metric against the reference scenario, one row per cell (labelled by its varying
     * parameters), with 95% CI error bars and a zero line. Filled points: the interval excludes zero. Cells without
     * a difference (the reference itself) are left out.
     */
    public static JFreeChart pairedDifference(Cells cells, String metric) {
        List<String> varying = cells.varying();
        List<Cell> rows = cells.of(metric).stream().filter(Cell::hasDiff).toList();
        List<String> labels = new ArrayList<>();
        YIntervalSeries excl = new YIntervalSeries("95% CI excludes 0", false, false);
        YIntervalSeries incl = new YIntervalSeries("95% CI includes 0", false, false);
        // top to bottom in file order: the category axis counts upwards, so the first cell gets the largest index
        for (int i = 0; i < rows.size(); i++) {
            Cell c = rows.get(i);
            double pos = rows.size() - 1 - i;
            boolean excludes = c.diffLow() > 0 || c.diffHigh() < 0;
            (excludes ? excl : incl).add(pos, c.diffMean(), c.diffLow(), c.diffHigh());
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            labels.add(cellLabel(rows.get(i), varying));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(excl);
        data.addSeries(incl);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setErrorPaint(Color.BLACK);
        r.setErrorStroke(new BasicStroke(1f));
        r.setCapLength(4);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setAutoPopulateSeriesShape(false);
        Ellipse2D dot = new Ellipse2D.Double(-3, -3, 6, 6);
        r.setSeriesShape(0, dot);
        r.setSeriesShape(1, dot);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesPaint(1, Color.BLACK);
        r.setSeriesShapesFilled(0, true);
        r.setSeriesShapesFilled(1, false);
        r.setUseFillPaint(true);
        r.setSeriesFillPaint(0, Color.BLACK);
        r.setSeriesFillPaint(1, Color.WHITE);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        r.setSeriesOutlineStroke(1, new BasicStroke(1f));
        SymbolAxis cellsAxis = new SymbolAxis(null, labels.toArray(String[]::new));
        cellsAxis.setGridBandsVisible(false);
        NumberAxis diff = new NumberAxis(cells.label(metric).unit().isEmpty() ? "Difference from the reference"
                : "Difference from the reference (" + cells.label(metric).unit() + ")");
        diff.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, cellsAxis, diff, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ChartStyle.stylePlot(plot);
        cellsAxis.setTickMarksVisible(false);
        cellsAxis.setAxisLineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(0.9f)));
        List<Cell> refs = cells.of(metric).stream().filter(c -> !c.hasDiff()).toList();
        String reference = refs.size() == 1 ? " Reference: " + cellLabel(refs.get(0), varying) + "." : "";
        String note = SOURCE + ". Paired differences (common random numbers) over " + replications(rows)
                + "; bars: 95% confidence intervals." + reference;
        return ChartStyle.chart(cells.label(metric).title() + ": difference from the reference", plot, true, note);
    }

    /** A size for the paired-difference chart that gives every cell a row of at least 14 points. */
    public static FigureSize differenceSize(int rows) {
        double heightPt = 110 + 14.0 * rows;
        return new FigureSize(17.0, Math.max(FigureSize.FULL.heightCm(), heightPt / 72 * 2.54));
    }

    private static String cellLabel(Cell c, List<String> varying) {
        if (varying.isEmpty()) {
            return c.cellId();
        }
        StringBuilder sb = new StringBuilder();
        for (String p : varying) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(shortLabel(p)).append(" = ").append(c.params().get(p));
        }
        return sb.toString();
    }

    // ---- all charts of a sweep folder ------------------------------------------------------------------------------

    /**
     * Draws every sweep chart that fits the design of {@code sweepDir/cells.csv} into {@code sweepDir/charts}: per
     * metric, the metric against each varying parameter (with one line per value of the second parameter when exactly
     * two vary on a full grid), a heatmap over the first two varying parameters when the sweep has all their combinations, and the
     * paired difference when cells.csv has one.
     *
     * @return the files written
     */
    public static List<Path> renderAll(Path sweepDir, ChartOptions options) throws IOException {
        return renderAll(sweepDir, options, MetricLabel::raw);
    }

    /** As {@link #renderAll(Path, ChartOptions)}, naming each metric by {@code labeller}. */
    public static List<Path> renderAll(Path sweepDir, ChartOptions options, Function<String, MetricLabel> labeller)
            throws IOException {
        return renderAll(sweepDir, options, labeller, ChartProgress.NONE);
    }

    /** As {@link #renderAll(Path, ChartOptions, Function)}, telling {@code progress} after each chart. */
    public static List<Path> renderAll(Path sweepDir, ChartOptions options, Function<String, MetricLabel> labeller,
            ChartProgress progress) throws IOException {
        Cells cells = Cells.read(sweepDir.resolve(CELLS)).labelled(labeller);
        Path dir = sweepDir.resolve("charts");
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Map<String, Figure> figures = figures(cells);
        int done = 0;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            out.addAll(ChartWriter.write(e.getValue(), dir.resolve(e.getKey()), options));
            progress.chartsDone(++done, figures.size());
        }
        return out;
    }

    /** Every sweep chart of {@code cells}, by file name (without extension). */
    public static Map<String, Figure> figures(Cells cells) {
        Map<String, Figure> out = new LinkedHashMap<>();
        List<String> varying = cells.varying();
        for (String metric : cells.metrics()) {
            String m = fileName(metric);
            boolean grid = varying.size() >= 2 && fullGrid(cells, metric, varying.get(0), varying.get(1));
            if (varying.size() == 2 && grid && cells.values(varying.get(1)).size() <= MAX_GROUPS) {
                out.put("sweep_" + m + "_by_" + fileName(varying.get(0)), Figure.of(
                        metricVsParameter(cells, metric, varying.get(0), varying.get(1)), FigureSize.FULL_TALL));
            } else {
                for (String p : varying) {
                    out.put("sweep_" + m + "_by_" + fileName(p),
                            Figure.of(metricVsParameter(cells, metric, p, null), FigureSize.FULL_TALL));
                }
            }
            if (grid) {
                out.put("sweep_" + m + "_heatmap", Figure.of(heatmap(cells, metric, varying.get(0), varying.get(1)),
                        FigureSize.FULL_TALL));
            }
            long diffs = cells.of(metric).stream().filter(Cell::hasDiff).count();
            if (diffs > 0) {
                out.put("sweep_" + m + "_difference", Figure.of(pairedDifference(cells, metric),
                        differenceSize((int) diffs)));
            }
        }
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * Whether every combination of the two parameters is in the sweep (with the other parameters at their most
     * frequent value): a heatmap of a one-at-a-time design would be a cross of cells, not a map.
     */
    private static boolean fullGrid(Cells cells, String metric, String a, String b) {
        Set<String> combos = new LinkedHashSet<>();
        for (Cell c : matching(cells.of(metric), fixedValues(cells, List.of(a, b)))) {
            combos.add(c.params().get(a) + "\u0000" + c.params().get(b));
        }
        return combos.size() == cells.values(a).size() * cells.values(b).size();
    }

    /** The values at which the parameters not in {@code shown} are held. */
    private static Map<String, String> fixedValues(Cells cells, List<String> shown) {
        Map<String, String> fixed = new TreeMap<>();
        for (String p : cells.varying()) {
            if (!shown.contains(p)) {
                fixed.put(p, cells.mode(p));
            }
        }
        return fixed;
    }

    private static List<Cell> matching(List<Cell> rows, Map<String, String> fixed) {
        return rows.stream().filter(c -> fixed.entrySet().stream()
                .allMatch(e -> e.getValue().equals(c.params().get(e.getKey())))).toList();
    }

    private static String fixedNote(Map<String, String> fixed) {
        if (fixed.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" Held at: ");
        boolean first = true;
        for (Map.Entry<String, String> e : fixed.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(" = ").append(e.getValue());
            first = false;
        }
        return sb.append('.').toString();
    }

    private static String replications(List<Cell> rows) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Cell c : rows) {
            min = Math.min(min, c.n());
            max = Math.max(max, c.n());
        }
        if (rows.isEmpty()) {
            return "the replications";
        }
        return (min == max ? Integer.toString(min) : min + "–" + max) + " replications";
    }

    /** Axis label of a parameter: its full dotted path. */
    static String label(String param) {
        return param;
    }

    /** The last part of a dotted parameter path, for compact cell labels. */
    static String shortLabel(String param) {
        int dot = param.lastIndexOf('.');
        return dot < 0 ? param : param.substring(dot + 1);
    }

    /** A file-name-safe version of a metric or parameter name. */
    static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]+", "_");
    }
}
