package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one chart style of the project: white background, thin grey grid, the colour-blind-safe Okabe–Ito palette with
 * one fixed colour and dash pattern per provider across all charts, and fonts sized to stay legible when a
 * 1600-pixel-wide figure is shrunk to one journal column.
 */
public final class ChartStyle {
    /** Okabe & Ito (2008) palette, colour-blind safe. */
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
    public static final Color GREY = new Color(0x59, 0x59, 0x59);

    private static final Map<String, Color> FIXED = new LinkedHashMap<>();
    private static final List<Color> CYCLE = List.of(ORANGE, BLUE, BLUISH_GREEN, REDDISH_PURPLE, VERMILLION,
            SKY_BLUE, GREY, YELLOW);
    private static final float[][] DASHES = {null, {12f, 6f}, {4f, 4f}, {12f, 4f, 3f, 4f}, {20f, 6f}, {2f, 3f},
        {8f, 3f, 2f, 3f, 2f, 3f}, {16f, 4f, 4f, 4f}};

    static {
        FIXED.put("aws", ORANGE);
        FIXED.put("azure", BLUE);
        FIXED.put("google", BLUISH_GREEN);
        FIXED.put("eu", REDDISH_PURPLE);
        FIXED.put("alibaba", VERMILLION);
        FIXED.put("other", GREY);
    }

    public static final String FONT = "SansSerif";
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;

    private ChartStyle() {
    }

    /** The fixed colour of a provider (by id), or a palette colour by position for unknown ids. */
    public static Color colour(String provider, int position) {
        Color c = FIXED.get(provider);
        return c != null ? c : CYCLE.get(Math.floorMod(position, CYCLE.size()));
    }

    /** The fixed dash pattern of a provider, so lines stay distinguishable in grayscale print. */
    public static Stroke stroke(String provider, int position) {
        int idx = switch (provider) {
            case "aws" -> 0;
            case "azure" -> 1;
            case "google" -> 2;
            case "eu" -> 3;
            case "alibaba" -> 4;
            case "other" -> 5;
            default -> Math.floorMod(position, DASHES.length);
        };
        float[] dash = DASHES[idx];
        return dash == null ? new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    public static Paint paint(String provider, int position) {
        return colour(provider, position);
    }

    /** Applies the house style to an XY chart. */
    public static void apply(JFreeChart chart, String sourceNote) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(16, 16, 16, 24));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(FONT, Font.BOLD, 34));
            title.setPaint(Color.BLACK);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(FONT, Font.PLAIN, 26));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            stylePlot(plot);
        }
        if (sourceNote != null && !sourceNote.isBlank()) {
            TextTitle note = new TextTitle(sourceNote, new Font(FONT, Font.PLAIN, 20));
            note.setPosition(RectangleEdge.BOTTOM);
            note.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            note.setPaint(GREY);
            chart.addSubtitle(note);
        }
    }

    public static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
    }

    public static void styleAxis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 28));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 24));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.BLACK);
        axis.setTickMarkPaint(Color.BLACK);
        if (axis instanceof NumberAxis na) {
            na.setAutoRangeIncludesZero(false);
        }
    }
}
