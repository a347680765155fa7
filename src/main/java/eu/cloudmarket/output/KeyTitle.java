package eu.cloudmarket.output;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * A small table drawn under a chart (e.g. the numbered key of dated events): a bold heading, then rows of cells in
 * aligned columns, the rows flowing down {@code blocks} side-by-side blocks (column-major, like a newspaper). The
 * first cell of a row is right-aligned (numbers), the others left-aligned.
 */
final class KeyTitle extends Title {
    private static final long serialVersionUID = 1L;
    private static final double COLUMN_GAP = 5;
    private static final double BLOCK_GAP = 16;

    private final String heading;
    private final int blocks;
    private final List<String[]> rows = new ArrayList<>();
    private final Font font = ChartStyle.font(Font.PLAIN, ChartStyle.ANNOTATION_PT);
    private final Font bold = ChartStyle.font(Font.BOLD, ChartStyle.ANNOTATION_PT);

    KeyTitle(String heading, int blocks) {
        this.heading = heading;
        this.blocks = Math.max(1, blocks);
        setPosition(RectangleEdge.BOTTOM);
        setVerticalAlignment(VerticalAlignment.TOP);
        setMargin(6, 0, 0, 0);
        setPadding(0, 0, 0, 0);
    }

    void addRow(String... cells) {
        rows.add(cells.clone());
    }

    int rowCount() {
        return rows.size();
    }

    /** Lines the key takes: the heading plus the rows of the longest block. */
    int lines() {
        return 1 + perBlock();
    }

    private int perBlock() {
        return (rows.size() + blocks - 1) / blocks;
    }

    /** Height of one line of the key, in points. */
    static double lineHeight() {
        return ChartStyle.ANNOTATION_PT * 1.22;
    }

    private double[] columnWidths(Graphics2D g2, List<String[]> block) {
        int cols = 0;
        for (String[] r : rows) {
            cols = Math.max(cols, r.length);
        }
        double[] w = new double[cols];
        FontMetrics fm = g2.getFontMetrics(font);
        for (String[] r : block) {
            for (int c = 0; c < r.length; c++) {
                w[c] = Math.max(w[c], fm.getStringBounds(r[c], g2).getWidth());
            }
        }
        return w;
    }

    private List<List<String[]>> split() {
        List<List<String[]>> out = new ArrayList<>();
        int per = perBlock();
        for (int i = 0; i < rows.size(); i += per) {
            out.add(rows.subList(i, Math.min(rows.size(), i + per)));
        }
        return out;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s + COLUMN_GAP * Math.max(0, w.length - 1);
    }

    @Override
    public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
        double width = 0;
        for (List<String[]> b : split()) {
            width += sum(columnWidths(g2, b)) + BLOCK_GAP;
        }
        width = Math.max(width - BLOCK_GAP, g2.getFontMetrics(bold).getStringBounds(heading, g2).getWidth());
        Size2D s = new Size2D(calculateTotalWidth(width), calculateTotalHeight(lineHeight() * lines()));
        return constraint.calculateConstrainedSize(s);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        draw(g2, area, null);
    }

    @Override
    public Object draw(Graphics2D g2, Rectangle2D area, Object params) {
        Rectangle2D a = trimPadding(trimBorder(trimMargin(area)));
        double lh = lineHeight();
        FontMetrics fm = g2.getFontMetrics(font);
        double top = a.getMinY() + fm.getAscent();
        g2.setPaint(ChartStyle.TEXT);
        g2.setFont(bold);
        g2.drawString(heading, (float) a.getMinX(), (float) top);
        g2.setFont(font);
        double x0 = a.getMinX();
        for (List<String[]> block : split()) {
            double[] w = columnWidths(g2, block);
            double y = top;
            for (String[] r : block) {
                y += lh;
                double x = x0;
                for (int c = 0; c < r.length; c++) {
                    double sw = fm.getStringBounds(r[c], g2).getWidth();
                    g2.drawString(r[c], (float) (x + (c == 0 ? w[c] - sw : 0)), (float) y);
                    x += w[c] + COLUMN_GAP;
                }
            }
            x0 += sum(w) + BLOCK_GAP;
        }
        return null;
    }
}
