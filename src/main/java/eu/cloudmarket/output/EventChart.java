package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A time chart with dated events marked: one thin dashed line per quarter with events, labelled above the plot with
 * the numbers of its events ("3", or "4–10" when several fall in one quarter), and a numbered key beside the chart
 * listing the first {@value #MAX_KEY_EVENTS} events.
 * Labels that would touch are stacked in rows above the plot, so they never overlap however the events cluster.
 */
final class EventChart implements Figure {
    /** The events of one quarter, numbered {@code first..last} in the key. */
    record Group(String quarter, double x, int first, int last) {
        String label() {
            return first == last ? Integer.toString(first) : first + "–" + last;
        }
    }

    private static final double ROW_GAP = 1.5;
    /**
     * Most events listed in the key and numbered above the plot (assumption: more than a reader follows; the bundled
     * scenarios have at most 26, configs/history-2017.yaml). The rest are counted in one line pointing to events.csv,
     * so the figure's height stays bounded however many events a scenario has; their quarters still get a dashed line.
     */
    static final int MAX_KEY_EVENTS = 30;
    private final JFreeChart chart;
    private final FigureSize size;
    private final List<Group> groups;
    private final RectangleInsets baseInsets;
    private final Font labelFont = ChartStyle.font(Font.BOLD, ChartStyle.ANNOTATION_PT);
    /** Where the marker labels went in the last drawing (for tests: they must not overlap). */
    private final List<Rectangle2D> lastLabels = new ArrayList<>();

    private EventChart(JFreeChart chart, FigureSize size, List<Group> groups) {
        this.chart = chart;
        this.size = size;
        this.groups = groups;
        this.baseInsets = chart.getXYPlot().getInsets();
    }

    /**
     * Marks the scenario events of {@code events} (rows of events.csv) on {@code chart}; events of one quarter share
     * a marker. The figure is made taller than {@code size} if the key needs it.
     */
    static Figure of(JFreeChart chart, FigureSize size, Table events) {
        List<String[]> rows = new ArrayList<>();
        for (List<String> r : events.rows()) {
            if ("scenario".equals(events.get(r, "origin"))) {
                rows.add(new String[] {events.get(r, "quarter"), events.get(r, "type"), events.get(r, "target")});
            }
        }
        if (rows.isEmpty()) {
            return Figure.of(chart, size);
        }
        Map<String, List<String[]>> byQuarter = new LinkedHashMap<>();
        for (String[] r : rows) {
            byQuarter.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        int listed = Math.min(rows.size(), MAX_KEY_EVENTS);
        KeyTitle key = new KeyTitle("Dated events", listed > 6 ? 2 : 1);
        List<Group> groups = new ArrayList<>();
        XYPlot plot = chart.getXYPlot();
        int n = 0;
        for (Map.Entry<String, List<String[]>> e : byQuarter.entrySet()) {
            int first = n + 1;
            boolean head = true;
            for (String[] r : e.getValue()) {
                n++;
                if (n <= listed) {
                    key.addRow(Integer.toString(n), head ? e.getKey() : "", Labels.event(r[1], r[2]));
                    head = false;
                }
            }
            double x = TimeAxis.x(e.getKey());
            if (first <= listed) {
                groups.add(new Group(e.getKey(), x, first, Math.min(n, listed)));
            }
            ValueMarker m = new ValueMarker(x, ChartStyle.GREY, ChartStyle.line(0.6f, new float[] {2.5f, 2f}));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (rows.size() > listed) {
            key.addRow("", "", "… and " + (rows.size() - listed) + " more events (see events.csv)");
        }
        // under the legend, above the source note (subtitles stack upwards from the bottom in list order)
        int note = chart.getSubtitleCount() > 1 ? 1 : 0;
        chart.addSubtitle(note, key);
        double needPt = KeyTitle.lineHeight() * key.lines() + 320;
        double heightCm = Math.max(size.heightCm(), needPt / 72 * 2.54);
        return new EventChart(chart, new FigureSize(size.widthCm(), heightCm), groups);
    }

    @Override
    public FigureSize size() {
        return size;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        // Pass 1 on a scratch canvas: where is the plot's data area, and how many label rows are needed? The band
        // above the plot changes the data area's height but hardly its width, so two rounds settle it.
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        sg.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        XYPlot plot = chart.getXYPlot();
        int rows = 1;
        for (int round = 0; round < 2; round++) {
            setBand(plot, rows, sg);
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            chart.draw(sg, area, info);
            rows = layout(sg, info.getPlotInfo().getDataArea(), new int[groups.size()], new double[groups.size()]);
        }
        sg.dispose();
        setBand(plot, rows, g2);
        // Pass 2: the real drawing, then the labels in the band above the data area.
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        chart.draw(g2, area, info);
        Rectangle2D data = info.getPlotInfo().getDataArea();
        int[] row = new int[groups.size()];
        double[] centre = new double[groups.size()];
        layout(g2, data, row, centre);
        FontMetrics fm = g2.getFontMetrics(labelFont);
        double lh = labelHeight(g2);
        g2.setFont(labelFont);
        lastLabels.clear();
        // connectors first, then the labels on small white boxes, so a connector passing behind a label of a
        // lower row never runs through its text
        g2.setPaint(ChartStyle.GREY);
        g2.setStroke(ChartStyle.line(0.6f, new float[] {2.5f, 2f}));
        double[] baselines = new double[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            baselines[i] = data.getMinY() - 3 - row[i] * (lh + ROW_GAP) - fm.getDescent();
            double x = plot.getDomainAxis().valueToJava2D(groups.get(i).x(), data, RectangleEdge.BOTTOM);
            double labelBottom = baselines[i] + fm.getDescent();
            if (labelBottom < data.getMinY()) {
                g2.draw(new Line2D.Double(x, labelBottom, x, data.getMinY()));
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            String s = groups.get(i).label();
            double w = fm.getStringBounds(s, g2).getWidth();
            Rectangle2D box = new Rectangle2D.Double(centre[i] - w / 2, baselines[i] - fm.getAscent(), w,
                    fm.getAscent() + fm.getDescent());
            g2.setPaint(Color.WHITE);
            g2.fill(new Rectangle2D.Double(box.getX() - 1, box.getY(), box.getWidth() + 2, box.getHeight()));
            g2.setPaint(Color.BLACK);
            g2.drawString(s, (float) box.getX(), (float) baselines[i]);
            lastLabels.add(box);
        }
        g2.setStroke(new BasicStroke(1f));
        plot.setInsets(baseInsets);
    }

    /** The marker labels' boxes in the last drawing, in points. */
    List<Rectangle2D> labelBounds() {
        return List.copyOf(lastLabels);
    }

    /** The quarter groups of the markers. */
    List<Group> groups() {
        return groups;
    }

    private void setBand(XYPlot plot, int rows, Graphics2D g2) {
        double band = rows * (labelHeight(g2) + ROW_GAP);
        plot.setInsets(new RectangleInsets(baseInsets.getTop() + band, baseInsets.getLeft(), baseInsets.getBottom(),
                baseInsets.getRight()));
    }

    private double labelHeight(Graphics2D g2) {
        FontMetrics fm = g2.getFontMetrics(labelFont);
        return fm.getAscent() + fm.getDescent();
    }

    /**
     * Greedy row assignment: each label goes into the lowest row where it clears the previous label of that row by
     * a small gap. Labels are centred on their marker, shifted inwards at the plot edges.
     *
     * @return the number of rows used
     */
    private int layout(Graphics2D g2, Rectangle2D data, int[] row, double[] centre) {
        FontMetrics fm = g2.getFontMetrics(labelFont);
        double gap = 3;
        List<Double> rightEdge = new ArrayList<>();
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < groups.size(); i++) {
            double x = plot.getDomainAxis().valueToJava2D(groups.get(i).x(), data, RectangleEdge.BOTTOM);
            double w = fm.getStringBounds(groups.get(i).label(), g2).getWidth();
            double left = Math.max(data.getMinX(), Math.min(x - w / 2, data.getMaxX() - w));
            int r = 0;
            while (r < rightEdge.size() && left < rightEdge.get(r) + gap) {
                r++;
            }
            if (r == rightEdge.size()) {
                rightEdge.add(0.0);
            }
            rightEdge.set(r, left + w);
            row[i] = r;
            centre[i] = left + w / 2;
        }
        return Math.max(1, rightEdge.size());
    }
}
