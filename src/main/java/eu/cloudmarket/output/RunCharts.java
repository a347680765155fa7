package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a run's charts from its saved CSV files (never from a live model), so {@code chart} can redraw them. Every
 * chart is one file per requested format in {@code charts/}; the names are in {@link #NAMES}.
 */
public final class RunCharts {
    public static final String MARKET_SHARE = "market_share";
    public static final String PRICES = "prices";
    public static final String CAPACITY = "capacity";
    public static final String GPU_SUPPLY = "gpu_supply";
    public static final String SEGMENT_SHARES = "segment_shares";
    public static final String SWITCHING_FLOWS = "switching_flows";
    public static final String SWITCHING_MATRIX = "switching_matrix";
    public static final String CONSUMER_SURPLUS = "consumer_surplus";
    /** Every run chart, in drawing order (file names without extension). */
    public static final List<String> NAMES = List.of(MARKET_SHARE, PRICES, CAPACITY, GPU_SUPPLY, SEGMENT_SHARES,
            SWITCHING_FLOWS, SWITCHING_MATRIX, CONSUMER_SURPLUS, ElasticityChart.NAME);

    static final String SOURCE = "Source: cloudmarket simulation";

    private RunCharts() {
    }

    /** Renders every run chart of {@code runDir} into {@code runDir/charts} as PNG at the default resolution. */
    public static List<Path> render(Path runDir) throws IOException {
        return render(runDir, ChartOptions.DEFAULT);
    }

    /**
     * Renders every run chart of {@code runDir} into {@code runDir/charts}, in the formats of {@code options}.
     * Charts whose CSV file is missing (older result folders) are skipped.
     *
     * @return the files written
     */
    public static List<Path> render(Path runDir, ChartOptions options) throws IOException {
        return render(runDir, options, ChartProgress.NONE);
    }

    /** As {@link #render(Path, ChartOptions)}, telling {@code progress} after each chart. */
    public static List<Path> render(Path runDir, ChartOptions options, ChartProgress progress) throws IOException {
        Path charts = runDir.resolve("charts");
        Files.createDirectories(charts);
        Map<String, Figure> figures = figures(runDir);
        List<Path> out = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            out.addAll(ChartWriter.write(e.getValue(), charts.resolve(e.getKey()), options));
            progress.chartsDone(++done, figures.size());
        }
        return out;
    }

    /** Builds every run chart of {@code runDir} (by file name, without extension) without writing anything. */
    public static Map<String, Figure> figures(Path runDir) throws IOException {
        Table q = Table.read(runDir.resolve(RunTables.QUARTERS));
        Table ev = readIfPresent(runDir.resolve(RunTables.EVENTS));
        Table seg = readIfPresent(runDir.resolve(RunTables.SEGMENTS));
        Table flows = readIfPresent(runDir.resolve(RunTables.FLOWS));
        Table welfare = readIfPresent(runDir.resolve(RunTables.WELFARE));
        Quarters time = Quarters.of(q);
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put(MARKET_SHARE, marketShare(q, ev, time));
        f.put(PRICES, prices(q, time));
        f.put(CAPACITY, capacity(q, time));
        Figure gpu = gpuSupply(q, time);
        if (gpu != null) {
            f.put(GPU_SUPPLY, gpu);
        }
        if (seg != null) {
            f.put(SEGMENT_SHARES, segmentShares(seg, time));
        }
        if (flows != null) {
            f.put(SWITCHING_FLOWS, switchingFlows(flows, q, time));
            f.put(SWITCHING_MATRIX, switchingMatrix(flows, q, time));
        }
        if (welfare != null) {
            f.put(CONSUMER_SURPLUS, consumerSurplus(welfare, time));
        }
        Figure elasticities = ElasticityChart.of(runDir, time);
        if (elasticities != null) {
            f.put(ElasticityChart.NAME, elasticities);
        }
        return f;
    }

    private static Table readIfPresent(Path p) throws IOException {
        return Files.exists(p) ? Table.read(p) : null;
    }

    /** The quarters of a run: labels in order, and the x range. */
    record Quarters(List<String> labels) {
        static Quarters of(Table q) {
            Set<String> s = new LinkedHashSet<>();
            for (List<String> r : q.rows()) {
                s.add(q.get(r, "quarter"));
            }
            return new Quarters(List.copyOf(s));
        }

        double first() {
            return labels.isEmpty() ? 0 : TimeAxis.x(labels.get(0));
        }

        double last() {
            return labels.isEmpty() ? 0 : TimeAxis.x(labels.get(labels.size() - 1));
        }

        String firstLabel() {
            return labels.isEmpty() ? "" : labels.get(0);
        }

        NumberAxis axis(String label) {
            return TimeAxis.axis(label, first(), last());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static List<String> distinct(Table t, String column) {
        Set<String> s = new LinkedHashSet<>();
        for (List<String> r : t.rows()) {
            s.add(t.get(r, column));
        }
        return new ArrayList<>(s);
    }

    /** One value per quarter from the rows of {@code t} that pass {@code filter}. */
    static XYSeries series(String key, Table t, Predicate<List<String>> filter, String column, double scale) {
        XYSeries s = new XYSeries(key, true, false);
        for (List<String> r : t.rows()) {
            if (filter.test(r)) {
                // An empty cell is a value not defined in that quarter: a gap in the line.
                double v = t.get(r, column).isEmpty() ? Double.NaN : t.num(r, column) * scale;
                s.add(TimeAxis.x(t.get(r, "quarter")), v);
            }
        }
        return s;
    }

    /** A line per provider of one column of quarters.csv. */
    static XYPlot providerLines(Table q, Quarters time, String column, double scale, String xLabel, String yLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartStyle.lineRenderer();
        List<String> providers = distinct(q, "provider");
        for (int j = 0; j < providers.size(); j++) {
            String p = providers.get(j);
            data.addSeries(series(Labels.provider(p), q, row -> q.get(row, "provider").equals(p), column, scale));
            r.setSeriesPaint(j, ChartStyle.colour(p, j));
            r.setSeriesStroke(j, ChartStyle.stroke(p, j));
        }
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(data, time.axis(xLabel), y, r);
        ChartStyle.stylePlot(plot);
        return plot;
    }

    private static NumberAxis percentAxis(String label) {
        NumberAxis y = new NumberAxis(label);
        y.setNumberFormatOverride(ChartStyle.decimal("0"));
        return y;
    }

    // ---- the charts ------------------------------------------------------------------------------------------------

    static Figure marketShare(Table q, Table ev, Quarters time) {
        XYPlot plot = providerLines(q, time, "revenue_share", 100.0, "Quarter", "Revenue share (%)");
        NumberAxis y = percentAxis("Revenue share (%)");
        y.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(y);
        ChartStyle.stylePlot(plot);
        JFreeChart chart = ChartStyle.chart("Cloud revenue shares in Europe, by provider", plot, true,
                SOURCE + ". Dashed lines: quarters with dated events, numbered as in the key.");
        if (ev == null) {
            return Figure.of(chart, FigureSize.FULL_TALL);
        }
        return EventChart.of(chart, FigureSize.FULL_TALL, ev);
    }

    static Figure prices(Table q, Quarters time) {
        XYPlot general = providerLines(q, time, "price_general_index", 1.0, null, "Price index");
        XYPlot ai = providerLines(q, time, "price_ai_eur_per_gpu_hour", 1.0, null, "EUR per GPU-hour");
        ((NumberAxis) general.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) ai.getRangeAxis()).setAutoRangeIncludesZero(false);
        return PanelFigure.builder("List prices by provider")
                .size(FigureSize.FULL)
                .columns(2)
                .panel("General compute", general)
                .panel("AI compute", ai)
                .legend(general.getLegendItems())
                .note(SOURCE + ". End-of-quarter list prices. General: index, 1.0 = reference list price.")
                .build();
    }

    static Figure capacity(Table q, Quarters time) {
        XYPlot general = providerLines(q, time, "capacity_general_units", 1.0, null, "Capacity (workload units)");
        XYPlot ai = providerLines(q, time, "capacity_ai_units", 1.0, null, "Capacity (workload units)");
        return PanelFigure.builder("Installed capacity by provider")
                .size(FigureSize.FULL)
                .columns(2)
                .panel("General compute", general)
                .panel("AI compute (all chip tiers)", ai)
                .legend(general.getLegendItems())
                .note(SOURCE + ". AI capacity is performance-weighted across chip tiers.")
                .build();
    }

    /** Chip tiers present in quarters.csv, from the {@code ai_capacity_<tier>_units} columns, in file order. */
    static List<String> tiers(Table q) {
        List<String> out = new ArrayList<>();
        for (String h : q.header()) {
            if (h.startsWith("ai_capacity_") && h.endsWith("_units")) {
                out.add(h.substring("ai_capacity_".length(), h.length() - "_units".length()));
            }
        }
        return out;
    }

    static Figure gpuSupply(Table q, Quarters time) {
        List<String> tiers = tiers(q);
        if (tiers.isEmpty()) {
            return null;
        }
        List<Color> ramp = ChartStyle.ramp(tiers.size());
        List<String> providers = distinct(q, "provider");
        PanelFigure.Builder b = PanelFigure.builder("Installed AI capacity by chip tier")
                .size(FigureSize.GRID)
                .columns(3)
                .yLabel("AI capacity (workload units)")
                .note(SOURCE + ". Performance-weighted capacity of each chip tier; each panel has its own scale.");
        LegendItemCollection legend = null;
        for (String p : providers) {
            // cumulative areas, drawn from the total down, so each tier is one seamless polygon
            XYSeriesCollection data = new XYSeriesCollection();
            XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
            r.setOutline(false);
            double[][] cum = new double[tiers.size()][];
            List<Double> xs = new ArrayList<>();
            for (List<String> row : q.rows()) {
                if (q.get(row, "provider").equals(p)) {
                    xs.add(TimeAxis.x(q.get(row, "quarter")));
                }
            }
            for (int i = 0; i < tiers.size(); i++) {
                cum[i] = new double[xs.size()];
            }
            int k = 0;
            for (List<String> row : q.rows()) {
                if (q.get(row, "provider").equals(p)) {
                    double sum = 0;
                    for (int i = 0; i < tiers.size(); i++) {
                        sum += q.num(row, "ai_capacity_" + tiers.get(i) + "_units");
                        cum[i][k] = sum;
                    }
                    k++;
                }
            }
            for (int i = tiers.size() - 1; i >= 0; i--) {
                XYSeries s = new XYSeries(Labels.tier(tiers.get(i)), true, false);
                for (int j = 0; j < xs.size(); j++) {
                    s.add(xs.get(j).doubleValue(), cum[i][j]);
                }
                data.addSeries(s);
                r.setSeriesPaint(tiers.size() - 1 - i, ramp.get(i));
            }
            NumberAxis y = new NumberAxis(null);
            y.setAutoRangeIncludesZero(true);
            XYPlot plot = new XYPlot(data, time.axis(null), y, r);
            plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            ChartStyle.stylePlot(plot);
            if (legend == null) {
                legend = new LegendItemCollection();
                for (int i = 0; i < tiers.size(); i++) {
                    legend.add(new LegendItem(Labels.tier(tiers.get(i)), null, null, null, ChartStyle.legendBox(),
                            ramp.get(i)));
                }
            }
            b.panel(Labels.provider(p), plot);
        }
        return b.legend(legend).build();
    }

    static Figure segmentShares(Table seg, Quarters time) {
        List<String> segments = distinct(seg, "segment");
        List<String> providers = distinct(seg, "provider");
        PanelFigure.Builder b = PanelFigure.builder("Revenue shares by buyer segment")
                .size(FigureSize.GRID)
                .columns(segments.size() <= 4 ? 2 : 3)
                .yLabel("Share of the segment's cloud revenue (%)")
                .note(SOURCE + ". Same scale in every panel.");
        LegendItemCollection legend = null;
        double max = 0;
        for (String g : segments) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = ChartStyle.lineRenderer();
            for (int j = 0; j < providers.size(); j++) {
                String p = providers.get(j);
                XYSeries s = series(Labels.provider(p), seg,
                        row -> seg.get(row, "segment").equals(g) && seg.get(row, "provider").equals(p),
                        "revenue_share_in_segment", 100.0);
                max = Math.max(max, s.getMaxY());
                data.addSeries(s);
                r.setSeriesPaint(j, ChartStyle.colour(p, j));
                r.setSeriesStroke(j, ChartStyle.stroke(p, j));
            }
            XYPlot plot = new XYPlot(data, time.axis(null), percentAxis(null), r);
            ChartStyle.stylePlot(plot);
            if (legend == null) {
                legend = plot.getLegendItems();
            }
            b.panel(Labels.segment(g), plot);
        }
        PanelFigure fig = b.legend(legend).build();
        double upper = Math.max(10, Math.ceil(max / 10.0) * 10);
        return fig.shareRange(0, upper);
    }

    /** Suppliers in flows.csv order: the providers of quarters.csv, then on premises. */
    private static List<String> suppliers(Table q) {
        List<String> s = distinct(q, "provider");
        s.add(RunTables.ON_PREMISES);
        return s;
    }

    static Figure switchingFlows(Table flows, Table q, Quarters time) {
        List<String> dests = suppliers(q);
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        StackedXYBarRenderer r = new StackedXYBarRenderer(0.15);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setLegendBar(ChartStyle.legendBox());
        int k = 0;
        for (int j = 0; j < dests.size(); j++) {
            String d = dests.get(j);
            Map<String, Double> byQuarter = new LinkedHashMap<>();
            for (String ql : time.labels()) {
                byQuarter.put(ql, 0.0);
            }
            for (List<String> row : flows.rows()) {
                if (flows.get(row, "to").equals(d)) {
                    byQuarter.merge(flows.get(row, "quarter"), flows.num(row, "buyers"), Double::sum);
                }
            }
            XYSeries s = new XYSeries(Labels.provider(d), true, false);
            byQuarter.forEach((ql, v) -> s.add(TimeAxis.x(ql), v));
            data.addSeries(s);
            r.setSeriesPaint(k++, ChartStyle.colour(d, j));
        }
        data.setIntervalWidth(0.25);
        NumberAxis y = new NumberAxis("Buyers switching per quarter");
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(ChartStyle.decimal("#,##0"));
        XYPlot plot = new XYPlot(data, time.axis("Quarter"), y, r);
        ChartStyle.stylePlot(plot);
        JFreeChart chart = ChartStyle.chart("Buyers switching supplier, by destination", plot, true,
                SOURCE + ". Buyer agents that changed supplier in the quarter, incl. moves from and to on premises.");
        return Figure.of(chart, FigureSize.FULL);
    }

    static Figure switchingMatrix(Table flows, Table q, Quarters time) {
        List<String> names = suppliers(q);
        int n = names.size();
        double[][] m = new double[n][n];
        double max = 0;
        for (List<String> row : flows.rows()) {
            int a = names.indexOf(flows.get(row, "from"));
            int b = names.indexOf(flows.get(row, "to"));
            if (a >= 0 && b >= 0) {
                m[a][b] += flows.num(row, "buyers");
                max = Math.max(max, m[a][b]);
            }
        }
        String[] labels = names.stream().map(Labels::providerShort).toArray(String[]::new);
        List<double[]> cells = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    cells.add(new double[] {b, n - 1 - a, m[a][b]});
                }
            }
        }
        double[][] xyz = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            xyz[0][i] = cells.get(i)[0];
            xyz[1][i] = cells.get(i)[1];
            xyz[2][i] = cells.get(i)[2];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("buyers", xyz);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = labels[n - 1 - i];
        }
        SymbolAxis x = new SymbolAxis("To", labels);
        SymbolAxis y = new SymbolAxis("From", reversed);
        Heatmap.SequentialScale scale = new Heatmap.SequentialScale(0, Math.max(1, max));
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        Heatmap.styleCategoryAxes(plot, x, y);
        for (double[] c : cells) {
            XYTextAnnotation a = new XYTextAnnotation(String.format(Locale.ROOT, "%,.0f", c[2]), c[0], c[1]);
            a.setFont(ChartStyle.font(Font.PLAIN, ChartStyle.ANNOTATION_PT));
            a.setPaint(ChartStyle.textOn(scale.colour(c[2])));
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a);
        }
        JFreeChart chart = ChartStyle.chart("Buyers switching supplier, " + time.firstLabel() + "–"
                + (time.labels().isEmpty() ? "" : time.labels().get(time.labels().size() - 1)), plot, false,
                SOURCE + ". Buyer agents moving from the row's supplier to the column's, summed over the run.");
        PaintScaleLegend legend = Heatmap.legend(scale, "Buyers");
        chart.addSubtitle(legend);
        return Figure.of(chart, FigureSize.FULL_TALL);
    }

    static Figure consumerSurplus(Table welfare, Quarters time) {
        Predicate<List<String>> cs = r -> welfare.get(r, "measure").equals("consumer_surplus");
        List<String> segments = new ArrayList<>();
        for (List<String> r : welfare.rows()) {
            if (cs.test(r) && welfare.get(r, "group").equals("segment") && !segments.contains(welfare.get(r, "id"))) {
                segments.add(welfare.get(r, "id"));
            }
        }
        XYSeriesCollection total = new XYSeriesCollection();
        total.addSeries(series("All buyers", welfare,
                r -> cs.test(r) && welfare.get(r, "group").equals("market"), "value_eur_bn", 1.0));
        XYLineAndShapeRenderer tr = ChartStyle.lineRenderer();
        tr.setSeriesPaint(0, Color.BLACK);
        tr.setSeriesStroke(0, ChartStyle.line(ChartStyle.LINE_PT, null));
        XYSeriesCollection bySeg = new XYSeriesCollection();
        XYLineAndShapeRenderer sr = ChartStyle.lineRenderer();
        for (int g = 0; g < segments.size(); g++) {
            String id = segments.get(g);
            bySeg.addSeries(series(Labels.segment(id), welfare,
                    r -> cs.test(r) && welfare.get(r, "group").equals("segment") && welfare.get(r, "id").equals(id),
                    "value_eur_bn", 1.0));
            sr.setSeriesPaint(g, ChartStyle.categoryColour(g));
            sr.setSeriesStroke(g, ChartStyle.categoryStroke(g));
        }
        XYPlot a = new XYPlot(total, time.axis(null), zeroAxis(), tr);
        XYPlot b = new XYPlot(bySeg, time.axis(null), zeroAxis(), sr);
        for (XYPlot p : List.of(a, b)) {
            ChartStyle.stylePlot(p);
            p.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.BLACK, new BasicStroke(0.75f)));
        }
        return PanelFigure.builder("Consumer surplus from the cloud")
                .size(FigureSize.FULL)
                .columns(2)
                .yLabel("EUR bn per quarter")
                .panel("All buyers", a)
                .panel("By buyer segment", b)
                .legend(b.getLegendItems())
                .note(SOURCE + ". Logit inclusive value relative to staying on premises (Small–Rosen): what buyers "
                        + "would lose without the cloud.")
                .build();
    }

    private static NumberAxis zeroAxis() {
        NumberAxis y = new NumberAxis(null);
        y.setAutoRangeIncludesZero(true);
        y.setAutoRangeStickyZero(false);
        return y;
    }

    /** The series minus its first value. */
    private static XYSeries change(XYSeries s) {
        XYSeries out = new XYSeries(s.getKey(), true, false);
        if (s.getItemCount() == 0) {
            return out;
        }
        double base = s.getY(0).doubleValue();
        for (int i = 0; i < s.getItemCount(); i++) {
            out.add(s.getX(i), s.getY(i).doubleValue() - base);
        }
        return out;
    }
}
