package eu.cloudmarket.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** Shared pieces of heatmaps (the switching matrix, sweep heatmaps): the colour scale, its legend, the axes. */
final class Heatmap {
    private Heatmap() {
    }

    /** Viridis from {@code lower} (dark) to {@code upper} (light); grayscale-monotone and colour-blind safe. */
    static final class SequentialScale implements PaintScale {
        private final double lower;
        private final double upper;

        SequentialScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper > lower ? upper : lower + 1;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        Color colour(double value) {
            return ChartStyle.viridis((value - lower) / (upper - lower));
        }

        @Override
        public Paint getPaint(double value) {
            return colour(value);
        }
    }

    /** Category axes for a grid of cells at integer positions: no grid lines, no axis line. */
    static void styleCategoryAxes(XYPlot plot, SymbolAxis x, SymbolAxis y) {
        ChartStyle.stylePlot(plot);
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            ChartStyle.styleAxis(a);
            a.setGridBandsVisible(false);
            a.setAxisLineVisible(false);
            a.setTickMarksVisible(false);
            a.setLowerMargin(0);
            a.setUpperMargin(0);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(new Color(0xF2, 0xF2, 0xF2));
    }

    /** A vertical colour bar on the right with {@code label} (the unit). */
    static PaintScaleLegend legend(PaintScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        ChartStyle.styleAxis(axis);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(9);
        legend.setStripOutlineVisible(false);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(24, 10, 30, 0));
        legend.setPadding(new RectangleInsets(0, 0, 0, 0));
        legend.setBackgroundPaint(Color.WHITE);
        legend.setAxisOffset(2);
        axis.setTickLabelFont(ChartStyle.font(Font.PLAIN, ChartStyle.TICK_PT));
        axis.setTickMarkStroke(new BasicStroke(0.5f));
        return legend;
    }
}
