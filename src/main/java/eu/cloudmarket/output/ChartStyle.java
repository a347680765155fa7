package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one chart style of the project, for every run and sweep chart.
 *
 * <ul>
 *   <li>White background, no plot frame, thin light-grey grid, black axes.</li>
 *   <li>Colour-blind-safe colours: Okabe &amp; Ito (2008) for providers, each provider with one fixed colour
 *       <em>and</em> one fixed dash pattern in every chart, so lines stay apart in grayscale print; ordered
 *       single-hue ramps for ordered categories (chip tiers); viridis for heatmaps.</li>
 *   <li>One bundled font (Liberation Sans, metric-compatible with Arial; SIL Open Font License), so PNG, SVG and
 *       PDF look the same on every machine and the PDF can embed it.</li>
 *   <li>Sizes in points for a 17 cm wide figure ({@link FigureSize}); the smallest text is 10.5 pt, about 5 pt when
 *       the figure is shrunk to one 8.5 cm journal column.</li>
 * </ul>
 */
public final class ChartStyle {
    // ---- fonts -------------------------------------------------------------------------------------------------

    /** Classpath resources of the bundled chart font (regular, bold). */
    public static final List<String> FONT_RESOURCES = List.of("/eu/cloudmarket/output/fonts/LiberationSans-Regular.ttf",
            "/eu/cloudmarket/output/fonts/LiberationSans-Bold.ttf");
    /** The font family charts use: the bundled one, or the JDK's logical sans serif if it could not be loaded. */
    public static final String FONT = registerFonts();

    public static final float TITLE_PT = 13.5f;
    public static final float PANEL_TITLE_PT = 12f;
    public static final float AXIS_LABEL_PT = 12f;
    public static final float TICK_PT = 11f;
    public static final float LEGEND_PT = 11f;
    public static final float NOTE_PT = 10f;
    public static final float ANNOTATION_PT = 10.5f;

    // ---- lines -------------------------------------------------------------------------------------------------

    public static final float LINE_PT = 1.6f;
    public static final float THIN_PT = 0.5f;
    public static final Color GRID = new Color(0xD9, 0xD9, 0xD9);
    public static final Color TEXT = Color.BLACK;
    public static final Color NOTE = new Color(0x4D, 0x4D, 0x4D);

    // ---- colours -----------------------------------------------------------------------------------------------

    /** Okabe &amp; Ito (2008) palette, colour-blind safe. */
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
    public static final Color GREY = new Color(0x59, 0x59, 0x59);
    /** Light grey for "none of the providers" (on premises, the outside option). */
    public static final Color LIGHT_GREY = new Color(0xBB, 0xBB, 0xBB);

    /** Paul Tol's colour-blind-safe "muted" colours, for categories that are not providers (segments). */
    private static final List<Color> MUTED = List.of(new Color(0x33, 0x22, 0x88), new Color(0x88, 0xCC, 0xEE),
            new Color(0x11, 0x77, 0x33), new Color(0x99, 0x99, 0x33), new Color(0x88, 0x22, 0x55),
            new Color(0x44, 0xAA, 0x99), new Color(0xDD, 0xCC, 0x77), new Color(0xCC, 0x66, 0x77));

    private static final Map<String, Integer> PROVIDER_ORDER = new LinkedHashMap<>();
    private static final List<Color> PROVIDER_COLOURS = List.of(ORANGE, BLUE, BLUISH_GREEN, REDDISH_PURPLE,
            VERMILLION, GREY, SKY_BLUE, YELLOW);
    /** Dash patterns in points; {@code null} is a solid line. Index i goes with {@code PROVIDER_COLOURS[i]}. */
    private static final float[][] DASHES = {null, {5.5f, 2.5f}, {1.6f, 1.8f}, {7f, 2f, 1.6f, 2f}, {11f, 3f},
        {5f, 1.8f, 1.6f, 1.8f, 1.6f, 1.8f}, {3f, 3f}, {9f, 2f, 3f, 2f}};

    static {
        for (String p : List.of("aws", "azure", "google", "eu", "alibaba", "other")) {
            PROVIDER_ORDER.put(p, PROVIDER_ORDER.size());
        }
    }

    private ChartStyle() {
    }

    private static String registerFonts() {
        String family = null;
        GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (String r : FONT_RESOURCES) {
            try (InputStream in = ChartStyle.class.getResourceAsStream(r)) {
                if (in == null) {
                    return "SansSerif";
                }
                Font f = Font.createFont(Font.TRUETYPE_FONT, in);
                ge.registerFont(f);
                if (family == null) {
                    family = f.getFamily(Locale.ROOT);
                }
            } catch (IOException | FontFormatException | RuntimeException e) {
                return "SansSerif";
            }
        }
        return family == null ? "SansSerif" : family;
    }

    /** The chart font in {@code style} ({@link Font#PLAIN} or {@link Font#BOLD}) at {@code points}. */
    public static Font font(int style, float points) {
        return new Font(FONT, style, 10).deriveFont(points);
    }

    /**
     * Tidies an SVG document from Batik: drops the SVG 1.0 DOCTYPE (so no XML parser goes fetching the DTD) and adds
     * generic fallbacks to the chart font for viewers that lack it (Liberation Sans has Arial's metrics).
     */
    static String svgFontFallbacks(String svg) {
        String fallback = ", Arial, Helvetica, sans-serif";
        svg = svg.replaceFirst("<!DOCTYPE svg PUBLIC [^>]*>\\s*", "");
        return svg.replace("font-family:&apos;" + FONT + "&apos;", "font-family:&apos;" + FONT + "&apos;" + fallback)
                .replace("font-family:'" + FONT + "'", "font-family:'" + FONT + "'" + fallback);
    }

    // ---- provider, segment and tier styles ---------------------------------------------------------------------

    private static int providerIndex(String provider, int position) {
        Integer fixed = PROVIDER_ORDER.get(provider);
        return fixed != null ? fixed : PROVIDER_ORDER.size() + Math.floorMod(position, 2);
    }

    /** The fixed colour of a provider (by id); unknown ids get one of the two spare palette colours. */
    public static Color colour(String provider, int position) {
        if (RunTables.ON_PREMISES.equals(provider)) {
            return LIGHT_GREY;
        }
        return PROVIDER_COLOURS.get(providerIndex(provider, position));
    }

    public static Paint paint(String provider, int position) {
        return colour(provider, position);
    }

    /** The fixed line of a provider: its dash pattern, so lines stay distinguishable in grayscale print. */
    public static Stroke stroke(String provider, int position) {
        return line(LINE_PT, DASHES[providerIndex(provider, position)]);
    }

    /** A line of {@code width} points with a dash pattern in points ({@code null}: solid). */
    public static BasicStroke line(float width, float[] dash) {
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Colour of a non-provider category (segments), by position. */
    public static Color categoryColour(int position) {
        return MUTED.get(Math.floorMod(position, MUTED.size()));
    }

    /** Line of a non-provider category (segments), by position: dashes as for providers. */
    public static Stroke categoryStroke(int position) {
        return line(LINE_PT, DASHES[Math.floorMod(position, DASHES.length)]);
    }

    /**
     * Colours for {@code n} ordered categories (chip tiers from best to weakest): a blue ramp from dark to light, so
     * the order survives grayscale print.
     */
    public static List<Color> ramp(int n) {
        Color dark = new Color(0x08, 0x30, 0x6B);
        Color light = new Color(0xC6, 0xDB, 0xEF);
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : i / (double) (n - 1);
            out.add(mix(dark, light, t));
        }
        return out;
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Viridis (van der Walt &amp; Smith), sampled at 9 stops: perceptually uniform, colour-blind safe. */
    private static final Color[] VIRIDIS = {new Color(0x44, 0x01, 0x54), new Color(0x47, 0x2D, 0x7B),
        new Color(0x3B, 0x52, 0x8B), new Color(0x2C, 0x72, 0x8E), new Color(0x21, 0x91, 0x8C),
        new Color(0x28, 0xAE, 0x80), new Color(0x5E, 0xC9, 0x62), new Color(0xAD, 0xDC, 0x30),
        new Color(0xFD, 0xE7, 0x25)};

    /** Viridis at {@code t} in [0, 1] (dark purple to yellow). */
    public static Color viridis(double t) {
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(x), VIRIDIS.length - 2);
        return mix(VIRIDIS[i], VIRIDIS[i + 1], x - i);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double lum = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return lum > 140 ? Color.BLACK : Color.WHITE;
    }

    // ---- charts ------------------------------------------------------------------------------------------------

    /** A line renderer whose legend shows a long enough piece of line for the dash pattern to be seen. */
    public static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setLegendLine(new Line2D.Double(-11, 0, 11, 0));
        r.setAutoPopulateSeriesStroke(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** A legend square for filled areas and bars. */
    public static Rectangle2D legendBox() {
        return new Rectangle2D.Double(-4.5, -4.5, 9, 9);
    }

    /**
     * A chart with the house style: title (left-aligned), legend under the plot, optional source note at the very
     * bottom. Subtitles stack upwards from the bottom in list order: the note is first, the legend last.
     */
    public static JFreeChart chart(String title, Plot plot, boolean legend, String sourceNote) {
        JFreeChart chart = new JFreeChart(title, font(Font.BOLD, TITLE_PT), plot, false);
        apply(chart, sourceNote);
        if (legend) {
            LegendTitle l = new LegendTitle(plot);
            styleLegend(l);
            chart.addLegend(l);
        }
        return chart;
    }

    /** Applies the house style to a chart (title, legend, background, plot, axes) and adds the source note. */
    public static void apply(JFreeChart chart, String sourceNote) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        TextTitle title = chart.getTitle();
        if (title != null) {
            styleTitle(title);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            styleLegend(legend);
        }
        stylePlot(chart.getPlot());
        if (sourceNote != null && !sourceNote.isBlank()) {
            chart.addSubtitle(note(sourceNote));
        }
    }

    public static void styleTitle(TextTitle title) {
        title.setFont(font(Font.BOLD, TITLE_PT));
        title.setPaint(TEXT);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setTextAlignment(HorizontalAlignment.LEFT);
        title.setMargin(0, 0, 4, 0);
    }

    public static void styleLegend(LegendTitle legend) {
        legend.setItemFont(font(Font.PLAIN, LEGEND_PT));
        legend.setItemPaint(TEXT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 7));
        legend.setMargin(4, 0, 0, 0);
    }

    /** A small grey, left-aligned note under the chart (data source, definitions). */
    public static TextTitle note(String text) {
        TextTitle note = new TextTitle(text, font(Font.PLAIN, NOTE_PT));
        note.setPosition(RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(HorizontalAlignment.LEFT);
        note.setTextAlignment(HorizontalAlignment.LEFT);
        note.setPaint(NOTE);
        note.setMargin(4, 0, 0, 0);
        return note;
    }

    public static void stylePlot(Plot p) {
        if (p == null) {
            return;
        }
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setInsets(new RectangleInsets(4, 2, 2, 6));
        if (p instanceof XYPlot plot) {
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.setDomainGridlineStroke(new BasicStroke(THIN_PT));
            plot.setRangeGridlineStroke(new BasicStroke(THIN_PT));
            plot.setDomainMinorGridlinesVisible(false);
            plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                styleAxis(plot.getDomainAxis(i));
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                styleAxis(plot.getRangeAxis(i));
            }
        } else if (p instanceof CategoryPlot plot) {
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinePaint(GRID);
            plot.setRangeGridlineStroke(new BasicStroke(THIN_PT));
            plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
            styleAxis(plot.getDomainAxis());
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                styleAxis(plot.getRangeAxis(i));
            }
        }
    }

    public static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(font(Font.PLAIN, AXIS_LABEL_PT));
        axis.setTickLabelFont(font(Font.PLAIN, TICK_PT));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(TEXT);
        axis.setAxisLineStroke(new BasicStroke(0.75f));
        axis.setTickMarkPaint(TEXT);
        axis.setTickMarkStroke(new BasicStroke(0.75f));
        axis.setTickMarkOutsideLength(3f);
        axis.setTickMarkInsideLength(0f);
        axis.setLabelInsets(new RectangleInsets(3, 3, 3, 5));
        axis.setTickLabelInsets(new RectangleInsets(2, 2, 2, 2));
        if (axis instanceof ValueAxis va) {
            va.setMinorTickMarkOutsideLength(1.5f);
            va.setMinorTickMarkInsideLength(0f);
        }
        if (axis.getClass() == NumberAxis.class) {
            ((NumberAxis) axis).setStandardTickUnits(tickUnits());
        }
    }

    /**
     * A decimal format that does not depend on the machine's locale, with a true minus sign (U+2212) as journals
     * typeset it.
     */
    public static DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        sym.setMinusSign('\u2212');
        return new DecimalFormat(pattern, sym);
    }

    /**
     * Tick sizes of 1, 2 and 5 × 10^k, formatted with {@link #decimal(String)}. A new set per axis: DecimalFormat is
     * not thread-safe, and sweeps may draw charts on several threads.
     */
    private static TickUnits tickUnits() {
        TickUnits units = new TickUnits();
        for (int exp = -6; exp <= 9; exp++) {
            DecimalFormat fmt = decimal(exp >= 0 ? "#,##0" : "0." + "0".repeat(-exp));
            double base = Math.pow(10, exp);
            units.add(new NumberTickUnit(base, fmt, 2));
            units.add(new NumberTickUnit(2 * base, fmt, 2));
            units.add(new NumberTickUnit(5 * base, fmt, 5));
        }
        return units;
    }
}
