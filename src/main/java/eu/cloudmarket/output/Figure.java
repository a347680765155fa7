package eu.cloudmarket.output;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * Something {@link ChartWriter} can write: a drawing of a fixed physical size, drawn in points into any
 * {@link Graphics2D} (a PNG raster, Batik's SVG generator or PDFBox's Graphics2D bridge).
 */
public interface Figure {
    /** The physical size the figure is laid out for. */
    FigureSize size();

    /** Draws the figure into {@code area} (in points, usually {@code 0, 0, size().widthPt(), size().heightPt()}). */
    void draw(Graphics2D g2, Rectangle2D area);

    /** A single JFreeChart at the given size. */
    static Figure of(JFreeChart chart, FigureSize size) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(size, "size");
        return new Figure() {
            @Override
            public FigureSize size() {
                return size;
            }

            @Override
            public void draw(Graphics2D g2, Rectangle2D area) {
                chart.draw(g2, area);
            }
        };
    }
}
