package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.w3c.dom.Document;

/** Checks on written chart files, shared by the chart tests. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** The file names in {@code dir}, sorted. */
    public static TreeSet<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** The SVG parses as XML (without fetching anything) and keeps its text as {@code <text>} elements. */
    public static void assertSvg(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        Document doc = b.parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName(), svg + ": root element");
        int texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength();
        assertTrue(texts > 0, svg + ": no <text> elements");
        assertTrue(doc.getDocumentElement().getAttribute("width").endsWith("mm"), svg + ": physical width");
        assertTrue(Files.readString(svg).contains("<text"), svg.toString());
    }

    /** The PDF opens with PDFBox, has exactly one page, and every font it uses is embedded. */
    public static void assertPdf(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages(), pdf + ": pages");
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (PDPage page : doc.getPages()) {
                collectFonts(page.getResources(), fonts, 0);
            }
            assertFalse(fonts.isEmpty(), pdf + ": no fonts, so the text was drawn as shapes");
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), pdf + ": font " + font.getName() + " is not embedded");
            }
        }
    }

    private static void collectFonts(PDResources res, List<PDFont> out, int depth) throws IOException {
        if (res == null || depth > 5) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            out.add(res.getFont(name));
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out, depth + 1);
            }
        }
    }
}
