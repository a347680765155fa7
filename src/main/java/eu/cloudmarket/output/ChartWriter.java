package eu.cloudmarket.output;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a chart or figure as PNG, SVG and/or PDF. This is the one entry point for every chart file the project
 * writes (run charts, sweep charts), so they all share size, resolution and font handling.
 *
 * <ul>
 *   <li>PNG: {@code round(cm / 2.54 * dpi)} pixels per side, white background, the resolution recorded in the
 *       file's pHYs chunk so that word processors place it at its physical size.</li>
 *   <li>SVG (Apache Batik): text stays {@code <text>} elements; the document is {@code width × height} in mm with a
 *       viewBox in points.</li>
 *   <li>PDF (Apache PDFBox + pdfbox-graphics2d): one page of exactly the figure size, text as text in the embedded
 *       (subset) chart font.</li>
 * </ul>
 */
public final class ChartWriter {
    private ChartWriter() {
    }

    /** Writes {@code chart} at the full-width size ({@link FigureSize#FULL}). */
    public static List<Path> write(JFreeChart chart, Path base, Set<ChartFormat> formats, int dpi) throws IOException {
        return write(Figure.of(chart, FigureSize.FULL), base, new ChartOptions(formats, dpi));
    }

    /** Writes {@code chart} at {@code size}. */
    public static List<Path> write(JFreeChart chart, FigureSize size, Path base, ChartOptions options)
            throws IOException {
        return write(Figure.of(chart, size), base, options);
    }

    /**
     * Writes {@code figure} as {@code base.png}, {@code base.svg} and/or {@code base.pdf} (one file per format in
     * {@code options}). {@code base} is the path without extension; its folder must exist.
     *
     * @return the files written, in PNG, SVG, PDF order
     */
    public static List<Path> write(Figure figure, Path base, ChartOptions options) throws IOException {
        List<Path> out = new ArrayList<>();
        for (ChartFormat f : ChartFormat.values()) {
            if (!options.formats().contains(f)) {
                continue;
            }
            Path file = base.resolveSibling(base.getFileName() + "." + f.extension());
            stopIfInterrupted(file);
            switch (f) {
                case PNG -> writePng(figure, file, options.dpi());
                case SVG -> writeSvg(figure, file);
                case PDF -> writePdf(figure, file);
                default -> throw new IllegalStateException(f.name());
            }
            out.add(file);
        }
        return out;
    }

    private static Rectangle2D area(FigureSize size) {
        return new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt());
    }

    private static void hints(Graphics2D g2) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** Renders {@code figure} into an image at {@code dpi} (also used by tests and previews). */
    public static BufferedImage toImage(Figure figure, int dpi) {
        FigureSize size = figure.size();
        int w = size.widthPx(dpi);
        int h = size.heightPx(dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            hints(g2);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, w, h);
            g2.scale(w / size.widthPt(), h / size.heightPt());
            figure.draw(g2, area(size));
        } finally {
            g2.dispose();
        }
        return img;
    }

    /**
     * A chart is the unit of work an interrupt (Ctrl-C in a test harness, a cancelled worker) stops at: the interrupt
     * stays set for the caller, and the exception says it was an interruption, not a failure of the chart.
     */
    private static void stopIfInterrupted(Path next) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted before writing " + next);
        }
    }

    static void writePng(Figure figure, Path file, int dpi) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            writePng(figure, os, dpi);
        }
    }

    /**
     * Encodes the PNG in memory, then writes it to {@code out}: javax.imageio replaces the IOException of the
     * stream it writes to by "I/O error writing PNG file!", which would hide the cause (a full disk, a removed
     * folder); written by us, the stream's own exception reaches the user.
     */
    static void writePng(Figure figure, OutputStream out, int dpi) throws IOException {
        BufferedImage img = toImage(figure, dpi);
        ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 16);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(png)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            setDpi(meta, dpi);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        png.writeTo(out);
    }

    /** Records the resolution as pixels per metre in the PNG pHYs chunk. */
    private static void setDpi(IIOMetadata meta, int dpi) throws IIOInvalidTreeException {
        String ppm = Long.toString(Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", ppm);
        phys.setAttribute("pixelsPerUnitYAxis", ppm);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
    }

    static void writeSvg(Figure figure, Path file) throws IOException {
        FigureSize size = figure.size();
        Document doc = GenericDOMImplementation.getDOMImplementation()
                .createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("cloudmarket chart (Apache Batik SVG generator)");
        ctx.setEmbeddedFontsOn(false);
        SVGGraphics2D g2 = new SVGGraphics2D(ctx, false); // false: text as <text>, not shapes
        g2.setSVGCanvasSize(new Dimension((int) Math.ceil(size.widthPt()), (int) Math.ceil(size.heightPt())));
        hints(g2);
        figure.draw(g2, area(size));
        Element root = g2.getRoot();
        root.setAttributeNS(null, "width", mm(size.widthCm()));
        root.setAttributeNS(null, "height", mm(size.heightCm()));
        root.setAttributeNS(null, "viewBox", String.format(Locale.ROOT, "0 0 %.3f %.3f", size.widthPt(),
                size.heightPt()));
        StringWriter sw = new StringWriter();
        g2.stream(root, sw, true, false);
        g2.dispose();
        String svg = ChartStyle.svgFontFallbacks(sw.toString());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(svg);
        }
    }

    private static String mm(double cm) {
        return String.format(Locale.ROOT, "%.1fmm", cm * 10);
    }

    static void writePdf(Figure figure, Path file) throws IOException {
        FigureSize size = figure.size();
        float w = (float) size.widthPt();
        float h = (float) size.heightPt();
        PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
        try (PDDocument doc = new PDDocument()) {
            for (String resource : ChartStyle.FONT_RESOURCES) {
                try (InputStream in = ChartStyle.class.getResourceAsStream(resource)) {
                    if (in != null) {
                        fonts.registerFont(in);
                    }
                }
            }
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(doc, w, h);
            g2.setFontTextDrawer(fonts);
            hints(g2);
            figure.draw(g2, area(size));
            g2.dispose();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g2.getXFormObject());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreator("cloudmarket");
            info.setProducer("Apache PDFBox with pdfbox-graphics2d");
            doc.save(file.toFile());
        } finally {
            fonts.close();
        }
    }
}
