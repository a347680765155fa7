package eu.cloudmarket.output;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;

/**
 * Small multiples: a grid of panels (each a JFreeChart with a lettered panel title and no legend of its own) under one
 * figure title, with one shared legend, an optional shared y-axis label and an optional source note. The panels'
 * data areas are aligned: every panel reserves the same width for its y axis.
 */
public final class PanelFigure implements Figure {
    private final String title;
    private final FigureSize size;
    private final int columns;
    private final List<JFreeChart> panels;
    private final LegendItemCollection legendItems;
    private final String yLabel;
    private final String note;

    private PanelFigure(Builder b) {
        this.title = b.title;
        this.size = b.size;
        this.columns = b.columns;
        this.panels = List.copyOf(b.panels);
        this.legendItems = b.legend;
        this.yLabel = b.yLabel;
        this.note = b.note;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Builds a {@link PanelFigure}. */
    public static final class Builder {
        private final String title;
        private FigureSize size = FigureSize.FULL;
        private int columns = 2;
        private final List<JFreeChart> panels = new ArrayList<>();
        private LegendItemCollection legend;
        private String yLabel;
        private String note;

        private Builder(String title) {
            this.title = title;
        }

        public Builder size(FigureSize s) {
            this.size = Objects.requireNonNull(s);
            return this;
        }

        public Builder columns(int c) {
            if (c < 1) {
                throw new IllegalArgumentException("columns must be >= 1, was " + c);
            }
            this.columns = c;
            return this;
        }

        /**
         * Adds a panel: {@code plot} under a panel title "(a) name", "(b) name", ... in the order added.
         */
        public Builder panel(String name, Plot plot) {
            String letter = "(" + (char) ('a' + panels.size()) + ") ";
            JFreeChart c = new JFreeChart(letter + name, ChartStyle.font(Font.BOLD, ChartStyle.PANEL_TITLE_PT), plot,
                    false);
            ChartStyle.apply(c, null);
            c.getTitle().setFont(ChartStyle.font(Font.BOLD, ChartStyle.PANEL_TITLE_PT));
            c.getTitle().setMargin(0, 0, 2, 0);
            c.setPadding(new RectangleInsets(2, 2, 4, 6));
            panels.add(c);
            return this;
        }

        /** The shared legend (usually the legend items of the first panel's plot). */
        public Builder legend(LegendItemCollection items) {
            this.legend = items;
            return this;
        }

        public Builder yLabel(String label) {
            this.yLabel = label;
            return this;
        }

        public Builder note(String text) {
            this.note = text;
            return this;
        }

        public PanelFigure build() {
            if (panels.isEmpty()) {
                throw new IllegalStateException("a panel figure needs at least one panel");
            }
            return new PanelFigure(this);
        }
    }

    @Override
    public FigureSize size() {
        return size;
    }

    /** Number of panels. */
    public int panelCount() {
        return panels.size();
    }

    /** The panel charts, for tests. */
    List<JFreeChart> panels() {
        return panels;
    }

    /** Sets the same range on every panel's y axis (for panels that should be compared by eye). */
    public PanelFigure shareRange(double lower, double upper) {
        for (JFreeChart c : panels) {
            if (c.getPlot() instanceof XYPlot p) {
                p.getRangeAxis().setAutoRange(false);
                p.getRangeAxis().setRange(new Range(lower, upper));
            }
        }
        return this;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        g2.setPaint(Color.WHITE);
        g2.fill(area);
        double top = area.getMinY() + 6;
        double bottom = area.getMaxY() - 6;
        double left = area.getMinX() + 6;
        double right = area.getMaxX() - 8;
        double width = right - left;
        if (title != null && !title.isBlank()) {
            TextTitle t = new TextTitle(title);
            ChartStyle.styleTitle(t);
            Size2D s = t.arrange(g2, widthOnly(width));
            t.draw(g2, new Rectangle2D.Double(left, top, width, s.height));
            top += s.height;
        }
        if (note != null && !note.isBlank()) {
            TextTitle n = ChartStyle.note(note);
            Size2D s = n.arrange(g2, widthOnly(width));
            bottom -= s.height;
            n.draw(g2, new Rectangle2D.Double(left, bottom, width, s.height));
        }
        int rows = (panels.size() + columns - 1) / columns;
        boolean spareCell = rows * columns > panels.size();
        if (legendItems != null && legendItems.getItemCount() > 0) {
            LegendTitle legend = new LegendTitle(() -> legendItems);
            ChartStyle.styleLegend(legend);
            if (spareCell) {
                legend.setPosition(RectangleEdge.RIGHT);
                legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
                legend.setVerticalAlignment(VerticalAlignment.CENTER);
                legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 4));
                double cellW = (width - yLabelWidth()) / columns;
                double cellH = (bottom - top) / rows;
                int last = panels.size();
                double x = left + yLabelWidth() + (last % columns) * cellW;
                double y = top + (last / columns) * cellH;
                Size2D s = legend.arrange(g2, RectangleConstraint.NONE);
                legend.draw(g2, new Rectangle2D.Double(x + 18, y + (cellH - s.height) / 2, cellW - 20, s.height));
            } else {
                Size2D s = legend.arrange(g2, widthOnly(width));
                bottom -= s.height;
                legend.draw(g2, new Rectangle2D.Double(left, bottom, width, s.height));
            }
        }
        if (yLabel != null && !yLabel.isBlank()) {
            drawYLabel(g2, left, top, bottom);
            left += yLabelWidth();
            width = right - left;
        }
        double cellW = width / columns;
        double cellH = (bottom - top) / rows;
        alignAxes(area, cellW, cellH);
        for (int i = 0; i < panels.size(); i++) {
            int r = i / columns;
            int c = i % columns;
            panels.get(i).draw(g2, new Rectangle2D.Double(left + c * cellW, top + r * cellH, cellW, cellH));
        }
    }

    private static RectangleConstraint widthOnly(double width) {
        return new RectangleConstraint(width, null, LengthConstraintType.FIXED, 0.0, null, LengthConstraintType.NONE);
    }

    private double yLabelWidth() {
        return yLabel == null || yLabel.isBlank() ? 0 : ChartStyle.AXIS_LABEL_PT * 1.5;
    }

    private void drawYLabel(Graphics2D g2, double left, double top, double bottom) {
        Font f = ChartStyle.font(Font.PLAIN, ChartStyle.AXIS_LABEL_PT);
        FontMetrics fm = g2.getFontMetrics(f);
        double w = fm.getStringBounds(yLabel, g2).getWidth();
        AffineTransform saved = g2.getTransform();
        g2.setFont(f);
        g2.setPaint(ChartStyle.TEXT);
        double cx = left + fm.getAscent();
        double cy = (top + bottom) / 2 + w / 2;
        g2.rotate(-Math.PI / 2, cx, cy);
        g2.drawString(yLabel, (float) cx, (float) cy);
        g2.setTransform(saved);
    }

    /** Gives every XY panel the same y-axis width (the widest any panel needs), so the data areas line up. */
    private void alignAxes(Rectangle2D area, double cellW, double cellH) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        sg.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        double widest = 0;
        List<XYPlot> plots = new ArrayList<>();
        for (JFreeChart c : panels) {
            if (c.getPlot() instanceof XYPlot p) {
                p.setFixedRangeAxisSpace(null);
                ChartRenderingInfo info = new ChartRenderingInfo(null);
                Rectangle2D cell = new Rectangle2D.Double(0, 0, cellW, cellH);
                c.draw(sg, cell, info);
                Rectangle2D plotArea = info.getPlotInfo().getPlotArea();
                Rectangle2D dataArea = info.getPlotInfo().getDataArea();
                double axisWidth = dataArea.getMinX() - plotArea.getMinX() - p.getInsets().getLeft();
                widest = Math.max(widest, axisWidth);
                plots.add(p);
            }
        }
        sg.dispose();
        for (XYPlot p : plots) {
            AxisSpace space = new AxisSpace();
            space.setLeft(widest);
            p.setFixedRangeAxisSpace(space);
        }
    }
}
