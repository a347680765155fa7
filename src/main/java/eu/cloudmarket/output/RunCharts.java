package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a run's charts from its saved CSV files (never from a live model), so {@code chart} can redraw them.
 */
public final class RunCharts {
    public static final String MARKET_SHARE = "market_share.png";
    public static final String PRICES = "prices.png";

    private RunCharts() {
    }

    /** Renders every run chart of {@code runDir} into {@code runDir/charts}. Returns the files written. */
    public static List<Path> render(Path runDir) throws IOException {
        Path charts = runDir.resolve("charts");
        Files.createDirectories(charts);
        Table q = Table.read(runDir.resolve(RunTables.QUARTERS));
        Table ev = Files.exists(runDir.resolve(RunTables.EVENTS)) ? Table.read(runDir.resolve(RunTables.EVENTS)) : null;
        List<Path> out = new ArrayList<>();
        QuarterAxis axis = QuarterAxis.of(q);
        JFreeChart share = lineChart(q, axis, "Cloud revenue share by provider, Europe", "Revenue share (%)",
                List.of(new Series("revenue_share", "", 100.0)), false);
        if (ev != null) {
            markEvents(share, ev, axis);
        }
        ChartStyle.apply(share, "Source: cloudmarket simulation; dashed lines mark dated events (see events.csv).");
        out.add(save(share, charts.resolve(MARKET_SHARE)));
        JFreeChart prices = lineChart(q, axis, "List prices by provider and product",
                "Price index (EUR per workload unit)",
                List.of(new Series("price_general_index", " general", 1.0), new Series("price_ai_index", " AI", 1.0)),
                true);
        ChartStyle.apply(prices, "Source: cloudmarket simulation. AI index 1.0 = market.aiReferencePriceEurPerGpuHour.");
        out.add(save(prices, charts.resolve(PRICES)));
        return out;
    }

    private record Series(String column, String suffix, double scale) {
    }

    /** Maps quarter index to label on the x axis. */
    record QuarterAxis(Map<Integer, String> labels) {
        static QuarterAxis of(Table q) {
            Map<Integer, String> m = new LinkedHashMap<>();
            for (List<String> r : q.rows()) {
                m.putIfAbsent(Integer.parseInt(q.get(r, "quarter_index")), q.get(r, "quarter"));
            }
            return new QuarterAxis(m);
        }

        NumberAxis axis() {
            NumberAxis x = new NumberAxis("Quarter");
            int n = labels.size();
            x.setTickUnit(new NumberTickUnit(n > 24 ? 4 : n > 8 ? 2 : 1));
            x.setRange(-0.5, Math.max(0.5, n - 0.5));
            x.setNumberFormatOverride(new NumberFormat() {
                private static final long serialVersionUID = 1L;

                @Override
                public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
                    String l = labels.get((int) Math.round(number));
                    return toAppendTo.append(l == null ? "" : l);
                }

                @Override
                public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
                    return format((double) number, toAppendTo, pos);
                }

                @Override
                public Number parse(String source, ParsePosition parsePosition) {
                    return null;
                }
            });
            return x;
        }
    }

    private static JFreeChart lineChart(Table q, QuarterAxis axis, String title, String yLabel, List<Series> series,
            boolean dashSecond) {
        List<String> providers = new ArrayList<>();
        for (List<String> r : q.rows()) {
            String p = q.get(r, "provider");
            if (!providers.contains(p)) {
                providers.add(p);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int idx = 0;
        for (Series s : series) {
            for (int j = 0; j < providers.size(); j++) {
                String p = providers.get(j);
                XYSeries xy = new XYSeries(p + s.suffix(), false, true);
                for (List<String> r : q.rows()) {
                    if (q.get(r, "provider").equals(p)) {
                        xy.add(Integer.parseInt(q.get(r, "quarter_index")), q.num(r, s.column()) * s.scale());
                    }
                }
                data.addSeries(xy);
                renderer.setSeriesPaint(idx, ChartStyle.colour(p, j));
                boolean second = dashSecond && series.indexOf(s) > 0;
                renderer.setSeriesStroke(idx, second
                        ? new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 6f}, 0f)
                        : ChartStyle.stroke(p, j));
                idx++;
            }
        }
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(data, axis.axis(), y, renderer);
        return new JFreeChart(title, new Font(ChartStyle.FONT, Font.BOLD, 34), plot, true);
    }

    /**
     * Marks dated scenario events with numbered dashed lines (numbers staggered over three rows so neighbours do not
     * collide) and lists them, numbered, in a key beside the plot.
     */
    private static void markEvents(JFreeChart chart, Table ev, QuarterAxis axis) {
        XYPlot plot = (XYPlot) chart.getPlot();
        double top = plot.getRangeAxis().getUpperBound();
        double bottom = plot.getRangeAxis().getLowerBound();
        double span = top - bottom;
        plot.getRangeAxis().setUpperBound(top + span * 0.18);
        StringBuilder key = new StringBuilder("Events\n");
        int n = 0;
        for (List<String> r : ev.rows()) {
            if (!"scenario".equals(ev.get(r, "origin"))) {
                continue;
            }
            n++;
            double t = ev.num(r, "time_quarters");
            ValueMarker m = new ValueMarker(t, ChartStyle.GREY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
            plot.addDomainMarker(m);
            double y = top + span * (0.16 - 0.055 * ((n - 1) % 3));
            XYTextAnnotation a = new XYTextAnnotation(Integer.toString(n), t, y);
            a.setFont(new Font(ChartStyle.FONT, Font.BOLD, 19));
            a.setPaint(Color.BLACK);
            a.setBackgroundPaint(Color.WHITE);
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a);
            key.append(n).append("  ").append(ev.get(r, "quarter")).append("  ")
                    .append(shortLabel(ev.get(r, "type"), ev.get(r, "target"))).append('\n');
        }
        if (n > 0) {
            org.jfree.chart.block.BlockContainer box =
                    new org.jfree.chart.block.BlockContainer(new org.jfree.chart.block.ColumnArrangement(
                            org.jfree.chart.ui.HorizontalAlignment.LEFT, org.jfree.chart.ui.VerticalAlignment.TOP, 0, 2));
            for (String line : key.toString().trim().split("\n")) {
                org.jfree.chart.block.LabelBlock lb = new org.jfree.chart.block.LabelBlock(line,
                        new Font(ChartStyle.FONT, line.equals("Events") ? Font.BOLD : Font.PLAIN, 17));
                lb.setContentAlignmentPoint(org.jfree.chart.text.TextBlockAnchor.CENTER_LEFT);
                lb.setTextAnchor(org.jfree.chart.ui.RectangleAnchor.LEFT);
                box.add(lb);
            }
            org.jfree.chart.title.CompositeTitle keyTitle = new org.jfree.chart.title.CompositeTitle(box);
            keyTitle.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
            keyTitle.setVerticalAlignment(org.jfree.chart.ui.VerticalAlignment.TOP);
            keyTitle.setMargin(0, 18, 0, 0);
            chart.addSubtitle(keyTitle);
        }
    }

    static String shortLabel(String type, String target) {
        String t = switch (type) {
            case "price_change" -> "price";
            case "export_control_change" -> "export ctl";
            case "counter_guidance" -> "guidance";
            case "domestic_chip_ramp" -> "chip ramp";
            case "investment_screening" -> "screening";
            case "sovereignty_shock" -> "sovereignty";
            case "sovereign_offer_launch" -> "sov. offer";
            case "switching_fee_change" -> "egress";
            case "licensing_remedy" -> "licensing";
            case "capacity_lease" -> "lease";
            case "capacity_build" -> "build";
            case "market_access_exclusion" -> "exclusion";
            case "regulatory_designation" -> "designation";
            case "ai_demand_shock" -> "AI demand";
            default -> type;
        };
        String tg = target.length() > 12 ? target.substring(0, 12) : target;
        return t + " (" + tg + ")";
    }

    static Path save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        return file;
    }
}
