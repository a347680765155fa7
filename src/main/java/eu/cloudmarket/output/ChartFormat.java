package eu.cloudmarket.output;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A file format a chart can be written in. PNG is raster; SVG and PDF are vector with text kept as text. */
public enum ChartFormat {
    PNG("png"),
    SVG("svg"),
    PDF("pdf");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * Parses a comma-separated list such as {@code png,svg,pdf} (case-insensitive, blanks ignored).
     *
     * @throws IllegalArgumentException naming the unknown format, or if the list is empty
     */
    public static Set<ChartFormat> parseList(String list) {
        EnumSet<ChartFormat> out = EnumSet.noneOf(ChartFormat.class);
        if (list != null) {
            for (String part : list.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.isEmpty()) {
                    continue;
                }
                ChartFormat f = null;
                for (ChartFormat c : values()) {
                    if (c.extension.equals(p)) {
                        f = c;
                    }
                }
                if (f == null) {
                    throw new IllegalArgumentException("unknown chart format '" + part.trim()
                            + "' (expected png, svg or pdf, comma-separated)");
                }
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no chart format given (expected png, svg or pdf, comma-separated)");
        }
        return out;
    }
}
